/// What an outbox event tells (the `type` of a webhook body and the `events` a channel asks for).
public enum NotificationEventType: String, Sendable, CaseIterable, Codable {
    /// The rules held a new comment for a moderator.
    case held = "comment.held"
    /// The rules marked a new comment as spam.
    case spam = "comment.spam"
    /// A comment became public: approved by the rules on arrival or by a moderator.
    case approved = "comment.approved"
    /// A moderator moved a comment to pending, spam or trash (or undid a decision).
    case decided = "comment.decided"
    /// A moderator banned an author, address, domain or name.
    case banned = "author.banned"
    /// A comment's author was forgotten (`hakam forget`) or the comment purged: a publishing
    /// site's copy follows. Not among a webhook's default events.
    case erased = "comment.erased"

    /// What a webhook hears when its policy names no `events`: everything a moderator acts on.
    public static let webhookDefaults: Set<NotificationEventType> = Set(allCases).subtracting([.erased])

    /// Whether a channel subscribed to `subscribed` hears of this event. A moderator's approval is
    /// also a decision: `comment.decided` subscribers hear of it (its type stays `comment.approved`).
    public func isHeard(by subscribed: Set<NotificationEventType>, byModerator: Bool) -> Bool {
        subscribed.contains(self) || (self == .approved && byModerator && subscribed.contains(.decided))
    }
}
