import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Moves one comment to `action.status` and writes its audit event, in one transaction.
    ///
    /// - `expecting`: when given, the comment must still have one of these statuses (a filter
    ///   or the review screen chose it by status); otherwise `ModerationError.statusChanged`.
    /// - A comment that already has the target status is left alone and nothing is written.
    /// - Approving a reply whose parent is not approved throws `parentNotApproved`.
    public func decide(
        commentID: Int64, action: ModerationAction, actor: String, note: String?,
        expecting: Set<CommentStatus>? = nil, now: Date
    ) async throws -> DecisionOutcome {
        try await writer.write { db in
            let current = try Self.moderationState(db, commentID: commentID)
            if let expecting, !expecting.contains(current.status) {
                throw ModerationError.statusChanged(commentID: commentID, actual: current.status)
            }
            let target = action.status
            guard current.status != target else {
                return DecisionOutcome(commentID: commentID, from: current.status, to: target, eventID: nil)
            }
            if target == .approved { try Self.requireApprovedParent(db, commentID: commentID, parentID: current.parentID) }
            let eventID = try Self.changeStatus(
                db, commentID: commentID, from: current.status, to: target, action: action.rawValue,
                actor: actor, note: note, lessons: classifierLessons, now: now)
            return DecisionOutcome(commentID: commentID, from: current.status, to: target, eventID: eventID)
        }
    }

    /// Reverts the comment's last status change that is not already undone, as a new audit
    /// event `undo` (the log is append-only). Undos stack: two undos revert the last two
    /// decisions. The server's own verdict (`submit`) cannot be undone.
    public func undo(commentID: Int64, actor: String, note: String?, now: Date) async throws -> DecisionOutcome {
        try await writer.write { db in
            let current = try Self.moderationState(db, commentID: commentID)
            let events = try ModerationEventRecord
                .filter(ModerationEventRecord.Columns.commentID == commentID)
                .order(ModerationEventRecord.Columns.id.desc)
                .fetchAll(db)
            guard let target = Self.lastUndoableEvent(in: events), let previous = target.fromStatus else {
                throw ModerationError.nothingToUndo(commentID)
            }
            guard current.status == target.toStatus else {
                throw ModerationError.statusChanged(commentID: commentID, actual: current.status)
            }
            if previous == .approved { try Self.requireApprovedParent(db, commentID: commentID, parentID: current.parentID) }
            let eventID = try Self.changeStatus(
                db, commentID: commentID, from: current.status, to: previous, action: AuditAction.undo,
                actor: actor, note: note ?? "undo of event \(target.id ?? 0) (\(target.action))", lessons: classifierLessons, now: now)
            return DecisionOutcome(
                commentID: commentID, from: current.status, to: previous, eventID: eventID,
                revertedEventID: target.id, revertedAction: target.action)
        }
    }

    /// The decision `undo` reverts (the rule every backend shares).
    static func lastUndoableEvent(in newestFirst: [ModerationEventRecord]) -> ModerationEventRecord? {
        UndoRule.lastUndoableEvent(in: newestFirst)
    }

    struct ModerationState {
        var status: CommentStatus
        var parentID: Int64?
    }

    static func moderationState(_ db: Database, commentID: Int64) throws -> ModerationState {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, parent_id FROM comments WHERE id = ?", arguments: [commentID]) else {
            throw ModerationError.commentNotFound(commentID)
        }
        return ModerationState(status: row["status"], parentID: row["parent_id"])
    }

    static func requireApprovedParent(_ db: Database, commentID: Int64, parentID: Int64?) throws {
        guard let parentID else { return }
        let parentStatus = try CommentStatus.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [parentID])
        guard parentStatus == .approved else {
            throw ModerationError.parentNotApproved(commentID: commentID, parentID: parentID, parentStatus: parentStatus)
        }
    }

    /// The one place a moderator's status change is written: the update and its event.
    /// Callers are inside a write transaction. The `authors` counts follow by trigger; the
    /// classifier learns from the new status (`teachClassifier`), so undo unteaches.
    static func changeStatus(
        _ db: Database, commentID: Int64, from: CommentStatus, to: CommentStatus, action: String,
        actor: String, note: String?, lessons: ClassifierLessons, now: Date
    ) throws -> Int64 {
        try db.execute(sql: "UPDATE comments SET status = ?, updated_at = ? WHERE id = ?", arguments: [to, now, commentID])
        try teachClassifier(db, commentID: commentID, to: to, lessons: lessons, now: now)
        return try appendEvent(db, commentID: commentID, action: action, from: from, to: to, actor: actor, note: note, now: now)
    }

    /// The one way an audit event is written — submissions, imports, decisions, reveals,
    /// erasure — in the caller's transaction. A prepared INSERT, cheap enough for the submit
    /// path; an empty note is stored as none. Returns the event's id.
    static func appendEvent(
        _ db: Database, commentID: Int64, action: String, from: CommentStatus?, to: CommentStatus,
        actor: String, note: String?, now: Date
    ) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, note, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                commentID, actor, action, from, to, note.flatMap { $0.isEmpty ? nil : $0 }, DatabaseTimestamp.string(now),
            ])
        return db.lastInsertedRowID
    }
}
