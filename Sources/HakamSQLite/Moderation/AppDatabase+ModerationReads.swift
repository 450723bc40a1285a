import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// The moderation queue, oldest first (ties by id). Served by the `(status, created_at)`
    /// and `(post_key, status, created_at)` indexes of 0001, so it stays fast on large tables.
    public func queue(_ filter: QueueFilter) async throws -> QueuePage {
        try await writer.read { db in
            let (whereClause, arguments) = Self.whereClause(for: filter)
            var sql = "SELECT \(ModeratedComment.selection) FROM comments \(whereClause) ORDER BY created_at, id"
            if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
            let comments = try Row.fetchAll(db, sql: sql, arguments: arguments).map(ModeratedComment.init(row:))
            let total = filter.limit == nil
                ? comments.count
                : try Int.fetchOne(db, sql: "SELECT count(*) FROM comments \(whereClause)", arguments: arguments) ?? 0
            return QueuePage(total: total, comments: comments)
        }
    }

    /// The ids matching a filter, oldest first (for decisions by filter and `review`).
    public func commentIDs(matching filter: QueueFilter) async throws -> [Int64] {
        try await writer.read { db in
            let (whereClause, arguments) = Self.whereClause(for: filter)
            var sql = "SELECT id FROM comments \(whereClause) ORDER BY created_at, id"
            if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
            return try Int64.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    static func whereClause(for filter: QueueFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !filter.statuses.isEmpty, Set(filter.statuses) != Set(CommentStatus.allCases) {
            conditions.append("status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ", ")))")
            for status in filter.statuses { _ = arguments.append(contentsOf: [status.rawValue]) }
        }
        if let post = filter.postKey {
            conditions.append("post_key = ?")
            _ = arguments.append(contentsOf: [post])
        }
        if let since = filter.since {
            conditions.append("created_at >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let code = filter.reasonCode {
            conditions.append("EXISTS (SELECT 1 FROM json_each(comments.reasons) WHERE json_extract(json_each.value, '$.code') = ?)")
            _ = arguments.append(contentsOf: [code])
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// One comment with its reasons, author standing, parent and audit trail; nil if unknown.
    public func commentDetail(id: Int64, now: Date) async throws -> CommentDetail? {
        try await writer.read { db in try Self.commentDetail(db, id: id, now: now) }
    }

    static func commentDetail(_ db: Database, id: Int64, now: Date) throws -> CommentDetail? {
        guard let comment = try ModeratedComment.fetchOne(db, id: id) else { return nil }
        var author: AuthorStanding?
        if let row = try Row.fetchOne(db, sql: """
            SELECT a.approved_count, a.spam_count, a.comment_count, a.first_seen_at,
                   EXISTS (SELECT 1 FROM bans b WHERE b.kind = 'email' AND b.value = a.email_hash AND b.lifted_at IS NULL
                           AND (b.expires_at IS NULL OR b.expires_at > ?)) AS banned
            FROM comments c JOIN authors a ON a.email_hash = c.email_hash WHERE c.id = ?
            """, arguments: [now, id]) {
            author = AuthorStanding(
                approvedCount: row["approved_count"], spamCount: row["spam_count"], commentCount: row["comment_count"],
                firstSeenAt: row["first_seen_at"], isBanned: row["banned"])
        }
        let parent = try comment.parentID.flatMap { try ModeratedComment.fetchOne(db, id: $0) }
        let replies = try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE parent_id = ?", arguments: [id]) ?? 0
        return CommentDetail(comment: comment, author: author, parent: parent, replyCount: replies, events: try Self.events(db, commentID: id))
    }

    /// The audit trail of a comment, oldest first. It outlives the comment (purge).
    public func history(commentID: Int64) async throws -> [ModerationEventRecord] {
        try await writer.read { db in try Self.events(db, commentID: commentID) }
    }

    static func events(_ db: Database, commentID: Int64) throws -> [ModerationEventRecord] {
        try ModerationEventRecord
            .filter(ModerationEventRecord.Columns.commentID == commentID)
            .order(ModerationEventRecord.Columns.id)
            .fetchAll(db)
    }

    /// Decrypts a comment's sealed email with `open` and records who saw it (`reveal_email`,
    /// from = to = the current status), in the same transaction. If `open` fails (wrong key
    /// file), nothing was revealed and nothing is written.
    public func revealEmail(
        commentID: Int64, actor: String, note: String?, now: Date,
        open: @escaping @Sendable (Data) throws -> String
    ) async throws -> String {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, email_sealed FROM comments WHERE id = ?", arguments: [commentID]) else {
                throw ModerationError.commentNotFound(commentID)
            }
            let status: CommentStatus = row["status"]
            guard let sealed: Data = row["email_sealed"] else { throw ModerationError.noSealedEmail(commentID) }
            let email = try open(sealed)
            _ = try Self.appendEvent(db, commentID: commentID, action: AuditAction.revealEmail, from: status, to: status, actor: actor, note: note, now: now)
            return email
        }
    }
}
