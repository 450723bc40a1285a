import Foundation
import GRDB
import HakamCore

/// The figures of `hakam stats`.
public struct ModerationStats: Sendable, Equatable {
    public struct CodeCount: Sendable, Equatable {
        public var code: String
        public var count: Int
    }
    public struct ActorCount: Sendable, Equatable {
        public var actor: String
        public var count: Int
    }

    public var countsByStatus: [CommentStatus: Int]
    public var oldestPendingAt: Date?
    public var medianPendingAt: Date?
    /// Reason codes of the comments that came in during the window, most frequent first.
    public var topReasons: [CodeCount]
    /// Moderator decisions (and undos) during the window, by actor, most first.
    public var decisionsByActor: [ActorCount]
    public var activeBans: Int
    public var windowStart: Date
}
