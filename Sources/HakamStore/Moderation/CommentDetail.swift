import Foundation
import HakamCore

/// Everything `hakam show` needs about one comment.
public struct CommentDetail: Sendable, Equatable {
    public var comment: ModeratedComment
    /// The author's standing by email hash; nil when the author is forgotten.
    public var author: AuthorStanding?
    /// The comment it replies to, if it still exists.
    public var parent: ModeratedComment?
    public var replyCount: Int
    public var events: [ModerationEventRecord]
}

/// An author's record, from the trigger-maintained `authors` table.
public struct AuthorStanding: Sendable, Equatable {
    public var approvedCount: Int
    public var spamCount: Int
    public var commentCount: Int
    public var firstSeenAt: Date
    /// A standing ban matches the author's email hash.
    public var isBanned: Bool
}

extension ModerationEventRecord: Equatable {
    public static func == (lhs: ModerationEventRecord, rhs: ModerationEventRecord) -> Bool {
        lhs.id == rhs.id && lhs.commentID == rhs.commentID && lhs.actor == rhs.actor && lhs.action == rhs.action
            && lhs.fromStatus == rhs.fromStatus && lhs.toStatus == rhs.toStatus && lhs.note == rhs.note && lhs.createdAt == rhs.createdAt
    }
}
