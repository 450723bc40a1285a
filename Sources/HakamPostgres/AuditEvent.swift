import Foundation
import HakamCore

/// An audit (`moderation_events`) row before it is written, with the comment it belongs to:
/// a known id, or the row a CTE step of the same statement has just inserted.
struct AuditEvent: Sendable {
    enum Comment: Sendable {
        case id(Int64)
        /// The `id` column of the named CTE step (`stored`): the comment and its event are
        /// written by one statement, in one round trip.
        case insertedBy(step: String)
    }

    var comment: Comment
    var action: String
    var from: CommentStatus?
    var to: CommentStatus
    var actor: String
    var note: String?
    var at: Date
}
