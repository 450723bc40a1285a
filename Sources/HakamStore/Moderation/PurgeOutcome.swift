import Foundation
import HakamCore

/// What `purge` deleted (or, in a dry run, would delete).
public struct PurgeOutcome: Sendable, Equatable {
    public var deleted: [CommentStatus: Int]
    /// Old enough, but kept because a reply that stays still points at them.
    public var keptForReplies: Int

    public init(deleted: [CommentStatus: Int], keptForReplies: Int) {
        self.deleted = deleted
        self.keptForReplies = keptForReplies
    }
}
