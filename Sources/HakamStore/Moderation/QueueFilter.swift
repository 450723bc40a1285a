import Foundation
import HakamCore

/// Which comments a moderator wants to see or act on.
public struct QueueFilter: Sendable, Equatable {
    /// Empty means every status.
    public var statuses: [CommentStatus]
    public var postKey: String?
    /// Only comments with a reason of exactly this code (`links.many`, `word:casino`).
    public var reasonCode: String?
    /// Only comments created at or after this time.
    public var since: Date?
    public var limit: Int?

    public init(statuses: [CommentStatus] = [.pending], postKey: String? = nil, reasonCode: String? = nil, since: Date? = nil, limit: Int? = nil) {
        self.statuses = statuses
        self.postKey = postKey
        self.reasonCode = reasonCode
        self.since = since
        self.limit = limit
    }
}
