import Foundation
import GRDB
import HakamCore
import HakamStore

/// The publisher's reads and the map of published copies (migration 0011).
extension AppDatabase {
    public func publishableComment(id: Int64) async throws -> PublishableComment? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, post_key, parent_id, name, url, body, status, created_at FROM comments WHERE id = ?
                """, arguments: [id]).map { row in
                PublishableComment(
                    id: row["id"], postKey: row["post_key"], parentID: row["parent_id"], name: row["name"], url: row["url"],
                    body: row["body"], status: row["status"], createdAt: row["created_at"])
            }
        }
    }

    public func publishedCopy(commentID: Int64, site: String) async throws -> Int64? {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT remote_id FROM published_copies WHERE site = ? AND comment_id = ?", arguments: [site, commentID])
        }
    }

    public func recordPublishedCopy(commentID: Int64, site: String, remoteID: Int64, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO published_copies (site, comment_id, remote_id, published_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (site, comment_id) DO UPDATE SET remote_id = excluded.remote_id, published_at = excluded.published_at
                """, arguments: [site, commentID, remoteID, DatabaseTimestamp.string(now)])
        }
    }

    public func claimPublishing(commentID: Int64, site: String, holder: String, until: Date, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO publishing_claims (site, comment_id, holder, claimed_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (site, comment_id) DO UPDATE SET holder = excluded.holder, claimed_until = excluded.claimed_until
                WHERE publishing_claims.holder = excluded.holder OR publishing_claims.claimed_until <= ?
                """, arguments: [site, commentID, holder, DatabaseTimestamp.string(until), DatabaseTimestamp.string(now)])
            return db.changesCount > 0
        }
    }

    public func releasePublishing(commentID: Int64, site: String, holder: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM publishing_claims WHERE site = ? AND comment_id = ? AND holder = ?", arguments: [site, commentID, holder])
        }
    }

    public func removePublishedCopy(commentID: Int64, site: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM published_copies WHERE site = ? AND comment_id = ?", arguments: [site, commentID])
        }
    }

    public func publishedReplies(to commentID: Int64, site: String) async throws -> [(commentID: Int64, remoteID: Int64)] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT comments.id, published_copies.remote_id FROM comments
                JOIN published_copies ON published_copies.site = ? AND published_copies.comment_id = comments.id
                WHERE comments.parent_id = ? AND comments.status = 'approved' ORDER BY comments.id
                """, arguments: [site, commentID]).map { (commentID: $0[0] as Int64, remoteID: $0[1] as Int64) }
        }
    }

    public func approvedCommentIDs(since: Date?, afterID: Int64, limit: Int) async throws -> [Int64] {
        try await writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM comments WHERE status = 'approved' AND id > ? AND updated_at >= ? ORDER BY id LIMIT ?
                """, arguments: [afterID, DatabaseTimestamp.string(since ?? Date(timeIntervalSince1970: 0)), limit])
        }
    }

    public func approvedCommentCount(since: Date?) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE status = 'approved' AND updated_at >= ?",
                             arguments: [DatabaseTimestamp.string(since ?? Date(timeIntervalSince1970: 0))]) ?? 0
        }
    }
}
