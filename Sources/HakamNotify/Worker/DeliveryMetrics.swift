import CoreMetrics

/// The worker's counters: sent, parked (failed for good), retried, and the queue's depth.
public struct DeliveryMetrics: Sendable {
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory) { self.factory = factory }

    func sent(channel: String, count: Int = 1) {
        Counter(label: "hakam_deliveries_sent_total", dimensions: [("channel", channel)], factory: factory).increment(by: count)
    }

    func parked(channel: String, count: Int = 1) {
        Counter(label: "hakam_deliveries_failed_total", dimensions: [("channel", channel)], factory: factory).increment(by: count)
    }

    func retried(channel: String, count: Int = 1) {
        Counter(label: "hakam_delivery_retries_total", dimensions: [("channel", channel)], factory: factory).increment(by: count)
    }

    func queued(_ depth: Int) {
        Gauge(label: "hakam_deliveries_queued", factory: factory).record(depth)
    }

    func parkedNow(_ count: Int) {
        Gauge(label: "hakam_deliveries_parked", factory: factory).record(count)
    }

    /// `webhook` or `email`: the destination's kind, not its name.
    static func channelKind(_ destination: String) -> String {
        String(destination.prefix { $0 != ":" })
    }
}
