/// The comment or ban an outbox event is about, read when it is sent. Either may be gone
/// (purged, or a test's hand-written event).
public struct OutboxSubject: Sendable, Equatable {
    public var comment: ModeratedComment?
    public var ban: BanRecord?

    public init(comment: ModeratedComment? = nil, ban: BanRecord? = nil) {
        self.comment = comment
        self.ban = ban
    }
}
