import Foundation
import GRDB
import HakamStore
@testable import HakamSQLite

/// Approved comments written straight into a test's database, as a bulk import or another
/// process would: `parents[i]` is the index of comment i's parent (nil: top level).
enum PublishedCommentsFixture {
    @discardableResult
    static func insert(_ database: AppDatabase, post: String, count: Int, parents: @escaping @Sendable (Int) -> Int? = { _ in nil }, status: String = "approved") async throws -> [Int64] {
        try await database.writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, '2026-01-01 00:00:00.000')", arguments: [post])
            var ids: [Int64] = []
            for index in 0..<count {
                let created = String(format: "2026-01-01 %02d:%02d:%02d.000", index / 3600 % 24, index / 60 % 60, index % 60)
                let parent = parents(index).map { ids[$0] }
                try db.execute(sql: """
                    INSERT INTO comments (post_key, parent_id, name, body, status, policy_version, body_digest, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'test', ?, ?, ?)
                    """, arguments: [post, parent, "reader \(index)", "comment \(index)", status, "digest-\(post)-\(index)", created, created])
                ids.append(db.lastInsertedRowID)
            }
            return ids
        }
    }

    static func setStatus(_ database: AppDatabase, id: Int64, _ status: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE comments SET status = ? WHERE id = ?", arguments: [status, id])
        }
    }
}
