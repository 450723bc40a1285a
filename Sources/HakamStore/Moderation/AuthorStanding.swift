import Foundation
import HakamCore

/// An author's record, from the trigger-maintained `authors` table.
public struct AuthorStanding: Sendable, Equatable {
    public var approvedCount: Int
    public var spamCount: Int
    public var commentCount: Int
    public var firstSeenAt: Date
    /// A standing ban matches the author's email hash.
    public var isBanned: Bool

    public init(approvedCount: Int, spamCount: Int, commentCount: Int, firstSeenAt: Date, isBanned: Bool) {
        self.approvedCount = approvedCount
        self.spamCount = spamCount
        self.commentCount = commentCount
        self.firstSeenAt = firstSeenAt
        self.isBanned = isBanned
    }
}
