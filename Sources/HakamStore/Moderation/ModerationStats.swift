import Foundation
import HakamCore

/// The figures of `hakam stats`.
public struct ModerationStats: Sendable, Equatable {
    public struct CodeCount: Sendable, Equatable {
        public var code: String
        public var count: Int

        public init(code: String, count: Int) {
            self.code = code
            self.count = count
        }
    }

    public struct ActorCount: Sendable, Equatable {
        public var actor: String
        public var count: Int

        public init(actor: String, count: Int) {
            self.actor = actor
            self.count = count
        }
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

    public init(countsByStatus: [CommentStatus: Int], oldestPendingAt: Date? = nil, medianPendingAt: Date? = nil, topReasons: [CodeCount], decisionsByActor: [ActorCount], activeBans: Int, windowStart: Date) {
        self.countsByStatus = countsByStatus
        self.oldestPendingAt = oldestPendingAt
        self.medianPendingAt = medianPendingAt
        self.topReasons = topReasons
        self.decisionsByActor = decisionsByActor
        self.activeBans = activeBans
        self.windowStart = windowStart
    }
}
