import CoreMetrics
import Prometheus

extension AppMetrics {
    /// For services outside HTTP (the delivery worker) that record on the same registry.
    public var metricsFactory: any MetricsFactory { factory }
}
