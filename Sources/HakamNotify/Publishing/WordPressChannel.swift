import Foundation
import HakamCore

/// Publishing to WordPress as a delivery channel: it hears every event that can change what the
/// site should show of a comment (approvals, moderators' decisions, erasures) and, for each,
/// brings the site's copy in step (`WordPressPublisher.sync`). Retries, backoff and parking are
/// the worker's, as for any channel.
public struct WordPressChannel: NotificationChannel {
    public let publisher: WordPressPublisher

    public init(publisher: WordPressPublisher) {
        self.publisher = publisher
    }

    public var destination: String { publisher.site }
    public var isBatched: Bool { false }

    public func hears(_ type: NotificationEventType, byModerator: Bool) -> Bool {
        switch type {
        case .approved, .erased: true
        // Only a moderator's decision can take down a published comment; the rules' verdicts on
        // new comments never reach the site.
        case .decided: byModerator
        case .held, .spam, .banned: false
        }
    }

    public func firstAttempt(now: Date) -> Date { now }

    public func send(_ items: [NotificationFacts]) async throws(DeliveryFailure) {
        for facts in items {
            guard let id = facts.commentID, id > 0 else { continue }
            try await publisher.sync(commentID: id)
        }
    }
}
