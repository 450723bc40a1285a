import CoreMetrics
import Foundation
import Prometheus

/// Hakam's metrics, on a registry of its own (so every test app has separate counters),
/// recorded through swift-metrics and rendered as Prometheus text at `/metrics`.
public struct AppMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let requestMetrics = RequestMetricHandles()

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5),
        ]
        self.registry = registry
        self.factory = factory
    }

    /// One finished HTTP request. `route` is the matched route pattern, never the raw path.
    public func recordRequest(method: String, route: String, status: Int, durationNanoseconds: Int64) {
        let (counter, timer) = requestMetrics.handles(method: method, route: route, status: status) {
            (Counter(label: "hakam_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))],
                     factory: factory),
             Timer(label: "hakam_http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory))
        }
        counter.increment()
        timer.recordNanoseconds(durationNanoseconds)
    }

    /// One stored submission, by the status its verdict gave.
    public func recordSubmission(status: String) {
        Counter(label: "hakam_submissions_total", dimensions: [("status", status)], factory: factory).increment()
    }

    /// One refused submission (validation, duplicate, flood, …) by reason.
    public func recordRefusal(reason: String) {
        Counter(label: "hakam_submissions_refused_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// How public comment lists were served (`hit`, `revalidated`, `miss`): one handle per outcome.
    func publicListCounter(outcome: String) -> CoreMetrics.Counter {
        Counter(label: "hakam_public_list_reads_total", dimensions: [("outcome", outcome)], factory: factory)
    }

    public func setPendingQueueDepth(_ depth: Int) {
        Gauge(label: "hakam_pending_comments", factory: factory).record(depth)
    }

    public func render() -> String {
        registry.emitToString()
    }
}
