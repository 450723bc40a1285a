import Foundation
import HakamCore

/// A row of the append-only `moderation_events` audit log.
public struct ModerationEventRecord: Sendable, Codable {
    public var id: Int64?
    public var commentID: Int64
    /// Who acted: a moderator's name, or `hakam` for the automatic verdict.
    public var actor: String
    /// `submit`, `approve`, `hold`, `spam`, `trash`, `undo`, …
    public var action: String
    public var fromStatus: CommentStatus?
    public var toStatus: CommentStatus
    public var note: String?
    public var createdAt: Date

    public enum CodingKeys: String, CodingKey {
        case id, actor, action, note
        case commentID = "comment_id"
        case fromStatus = "from_status"
        case toStatus = "to_status"
        case createdAt = "created_at"
    }
    public typealias Columns = CodingKeys

    public init(id: Int64? = nil, commentID: Int64, actor: String, action: String, fromStatus: CommentStatus?, toStatus: CommentStatus, note: String?, createdAt: Date) {
        self.id = id
        self.commentID = commentID
        self.actor = actor
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.note = note
        self.createdAt = createdAt
    }
}
