import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// The name a forgotten author's comments carry afterwards.
    public static let anonymousName = AnonymousAuthor.name

    /// Erases an author's personal data (WordPress's eraser semantics): on every comment with
    /// this email hash the name becomes "Anonymous" and the email hash, sealed email, IP hash,
    /// URL and user agent are removed; the text stays. Each comment gets a `forget` audit event,
    /// and the author's reputation row goes too — all in one transaction.
    /// Returns the number of comments changed.
    public func forget(emailHash: String, actor: String, note: String?, now: Date) async throws -> Int {
        try await writer.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, status FROM comments WHERE email_hash = ? ORDER BY id", arguments: [emailHash])
            try db.execute(sql: """
                UPDATE comments SET name = ?, email_hash = NULL, email_sealed = NULL, ip_hash = NULL, url = NULL,
                    user_agent = NULL, updated_at = ?
                WHERE email_hash = ?
                """, arguments: [Self.anonymousName, now, emailHash])
            for row in rows {
                let status: CommentStatus = row["status"]
                _ = try Self.appendEvent(db, commentID: row["id"], action: AuditAction.forget, from: status, to: status, actor: actor, note: note, now: now)
            }
            try db.execute(sql: "DELETE FROM authors WHERE email_hash = ?", arguments: [emailHash])
            return rows.count
        }
    }

    /// Retention: deletes comments that have been spam (or trash) since before the cutoff
    /// (`updated_at`, the time of the last change). The audit log keeps their history plus a
    /// `purge` event each. A comment whose remaining replies point at it is kept.
    public func purge(cutoffs: [CommentStatus: Date], actor: String, now: Date, dryRun: Bool) async throws -> PurgeOutcome {
        try await writer.write { db in
            var candidates: [Int64: CommentStatus] = [:]
            for (status, cutoff) in cutoffs {
                let rows = try Row.fetchAll(db, sql: "SELECT id FROM comments WHERE status = ? AND updated_at < ?", arguments: [status, cutoff])
                for row in rows { candidates[row["id"]] = status }
            }
            // Replies outside the purge set keep their parent (and its parent...).
            var kept = 0
            while true {
                let ids = Array(candidates.keys)
                var pinned = Set<Int64>()
                for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                    let placeholders = chunk.map { _ in "?" }.joined(separator: ",")
                    let rows = try Row.fetchAll(db, sql: "SELECT id, parent_id FROM comments WHERE parent_id IN (\(placeholders))", arguments: StatementArguments(chunk))
                    for row in rows where candidates[row["id"] as Int64] == nil { pinned.insert(row["parent_id"]) }
                }
                if pinned.isEmpty { break }
                for id in pinned { candidates[id] = nil }
                kept += pinned.count
            }
            var deleted: [CommentStatus: Int] = [:]
            for status in candidates.values { deleted[status, default: 0] += 1 }
            if dryRun { return PurgeOutcome(deleted: deleted, keptForReplies: kept) }
            // Newest first: a reply (always newer than its parent) goes before its parent.
            for (id, status) in candidates.sorted(by: { $0.key > $1.key }) {
                _ = try Self.appendEvent(db, commentID: id, action: AuditAction.purge, from: status, to: status, actor: actor, note: nil, now: now)
                try db.execute(sql: "DELETE FROM comments WHERE id = ?", arguments: [id])
            }
            return PurgeOutcome(deleted: deleted, keptForReplies: kept)
        }
    }
}
