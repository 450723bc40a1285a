/// How many deliveries are in each state (metrics, `hakam deliveries`).
public struct DeliveryCounts: Sendable, Equatable {
    public var pending: Int
    public var sent: Int
    public var failed: Int
    /// Events the worker has not yet turned into deliveries.
    public var unfannedEvents: Int

    public init(pending: Int = 0, sent: Int = 0, failed: Int = 0, unfannedEvents: Int = 0) {
        self.pending = pending
        self.sent = sent
        self.failed = failed
        self.unfannedEvents = unfannedEvents
    }
}
