import Foundation
import HakamCore

/// One event of the outbox (migration 0010), written by a trigger with the change it tells of.
public struct OutboxEvent: Sendable, Equatable {
    /// The row id (ordering, foreign key of deliveries).
    public var id: Int64
    /// Stable across retries: what receivers deduplicate on.
    public var eventID: String
    /// `comment.held`, `comment.spam`, `comment.approved`, `comment.decided`, `author.banned`.
    public var type: String
    public var commentID: Int64?
    public var banID: Int64?
    public var actor: String?
    public var action: String?
    public var fromStatus: CommentStatus?
    public var toStatus: CommentStatus?
    public var createdAt: Date

    public init(
        id: Int64, eventID: String, type: String, commentID: Int64? = nil, banID: Int64? = nil, actor: String? = nil,
        action: String? = nil, fromStatus: CommentStatus? = nil, toStatus: CommentStatus? = nil, createdAt: Date
    ) {
        self.id = id
        self.eventID = eventID
        self.type = type
        self.commentID = commentID
        self.banID = banID
        self.actor = actor
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.createdAt = createdAt
    }
}
