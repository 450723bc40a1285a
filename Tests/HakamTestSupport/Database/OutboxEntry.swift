/// One outbox row as a test sees it.
public struct OutboxEntry: Equatable, Sendable {
    public var type: String
    public var commentID: Int64?
    public var eventID: String
}
