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

    public init(comment: ModeratedComment, author: AuthorStanding? = nil, parent: ModeratedComment? = nil, replyCount: Int, events: [ModerationEventRecord]) {
        self.comment = comment
        self.author = author
        self.parent = parent
        self.replyCount = replyCount
        self.events = events
    }
}
