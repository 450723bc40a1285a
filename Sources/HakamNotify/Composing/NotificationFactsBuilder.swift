import Foundation
import HakamCore
import HakamStore

/// Turns an outbox event and what it is about into the facts a notification may carry.
/// This is the one place stored data becomes outbound text: `ModeratedComment` has no private
/// field to copy, and ban values are left out (an email or IP ban's value is a hash).
public struct NotificationFactsBuilder: Sendable {
    /// Signed action links for a held or spam comment; nil: none.
    let links: (@Sendable (Int64) -> [ActionLink])?

    public init(links: (@Sendable (Int64) -> [ActionLink])? = nil) {
        self.links = links
    }

    public func facts(for event: OutboxEvent, subject: OutboxSubject) -> NotificationFacts {
        let type = NotificationEventType(rawValue: event.type) ?? .decided
        var facts = NotificationFacts(
            eventID: event.eventID, type: type, occurredAt: event.createdAt, commentID: event.commentID,
            status: event.toStatus?.rawValue, previousStatus: event.fromStatus?.rawValue,
            actor: event.actor, action: event.action)
        if let comment = subject.comment {
            facts.post = comment.postKey
            facts.score = comment.score
            facts.reasons = comment.reasons
            facts.excerpt = NotificationFacts.excerpt(of: comment.body)
            facts.authorName = comment.name
            // Links only where a moderator still has something to decide.
            if let links, comment.status == .pending || comment.status == .spam, type == .held || type == .spam {
                facts.actionLinks = links(comment.id)
            }
        }
        if let ban = subject.ban { facts.banKind = ban.kind.rawValue }
        return facts
    }
}
