import Foundation

/// Field-by-field, so reads of the audit trail can be compared in tests and values.
extension ModerationEventRecord: Equatable {
    public static func == (lhs: ModerationEventRecord, rhs: ModerationEventRecord) -> Bool {
        lhs.id == rhs.id && lhs.commentID == rhs.commentID && lhs.actor == rhs.actor && lhs.action == rhs.action
            && lhs.fromStatus == rhs.fromStatus && lhs.toStatus == rhs.toStatus && lhs.note == rhs.note && lhs.createdAt == rhs.createdAt
    }
}
