import Foundation

/// What a notification says about one event: only what a moderator may see on any channel.
/// There is deliberately no field for an email, IP address, user agent or sealed copy.
public struct NotificationFacts: Sendable, Equatable {
    public var eventID: String
    public var type: NotificationEventType
    public var occurredAt: Date
    public var commentID: Int64?
    public var post: String?
    /// The status the event moved the comment to.
    public var status: String?
    public var previousStatus: String?
    public var score: Double?
    public var reasons: [Reason]
    /// The start of the comment's text (see `excerpt(of:)`).
    public var excerpt: String?
    /// The public name the author gave.
    public var authorName: String?
    /// Who acted (`hakam` for the rules, else the moderator).
    public var actor: String?
    public var action: String?
    /// For `author.banned`: what kind of ban (email, ip, domain, name); never the banned value
    /// of an email or IP ban.
    public var banKind: String?
    /// Signed approve/spam/trash/ban links, when configured.
    public var actionLinks: [ActionLink]

    public init(
        eventID: String, type: NotificationEventType, occurredAt: Date, commentID: Int64? = nil, post: String? = nil,
        status: String? = nil, previousStatus: String? = nil, score: Double? = nil, reasons: [Reason] = [],
        excerpt: String? = nil, authorName: String? = nil, actor: String? = nil, action: String? = nil,
        banKind: String? = nil, actionLinks: [ActionLink] = []
    ) {
        self.eventID = eventID
        self.type = type
        self.occurredAt = occurredAt
        self.commentID = commentID
        self.post = post
        self.status = status
        self.previousStatus = previousStatus
        self.score = score
        self.reasons = reasons
        self.excerpt = excerpt
        self.authorName = authorName
        self.actor = actor
        self.action = action
        self.banKind = banKind
        self.actionLinks = actionLinks
    }

    /// The first `limit` characters of `body`, whitespace collapsed, with an ellipsis when cut.
    public static func excerpt(of body: String, limit: Int = 280) -> String {
        let collapsed = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        return String(collapsed.prefix(limit)) + "…"
    }

    /// Reasons as told outside: the quote only where it quotes public text (body, name, url),
    /// since a rule on the email field may quote the address.
    public static func publicReasons(_ reasons: [Reason]) -> [Reason] {
        reasons.map { reason in
            var copy = reason
            if !["body", "name", "url"].contains(reason.field ?? "") { copy.quote = nil }
            return copy
        }
    }
}

/// One signed link a moderator can follow to act on a comment.
public struct ActionLink: Sendable, Equatable {
    public var action: String
    public var url: String

    public init(action: String, url: String) {
        self.action = action
        self.url = url
    }
}
