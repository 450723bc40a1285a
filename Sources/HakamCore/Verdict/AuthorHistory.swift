import Foundation

/// What the database knows about the sender when the comment is written. Read inside the
/// write transaction so that two concurrent submissions see each other.
public struct AuthorHistory: Sendable, Equatable {
    /// Approved comments by the same email hash.
    public var approvedCount: Int
    /// Comments marked spam by the same email hash.
    public var spamCount: Int
    /// The newest comment by the same email hash or IP hash, if it is recent enough to matter to
    /// the flood rule (the store looks back over the flood interval only).
    public var lastCommentAt: Date?
    /// A comment with the same body by the same author on the same post already exists.
    public var hasDuplicate: Bool
    /// Comments with the same matching-form body on other posts in the last 24 hours (any author).
    public var crossPostCopies: Int
    /// Comments on the same post in the last minute, counted up to the policy's burst threshold.
    public var recentOnPost: Int
    /// A standing ban matches the sender (email hash, IP hash, email domain or name).
    public var isBanned = false

    public init(approvedCount: Int = 0, spamCount: Int = 0, lastCommentAt: Date? = nil, hasDuplicate: Bool = false, crossPostCopies: Int = 0, recentOnPost: Int = 0) {
        self.crossPostCopies = crossPostCopies
        self.recentOnPost = recentOnPost
        self.approvedCount = approvedCount
        self.spamCount = spamCount
        self.lastCommentAt = lastCommentAt
        self.hasDuplicate = hasDuplicate
    }
}
