import Foundation
import GRDB
import HakamCore
import HakamSQLite

/// Writes that go around the store API, for what the API cannot make: a million rows at once,
/// rows in forms only an old version or another tool would leave, a damaged schema. Everything
/// else is seeded through the store (`CommentBuilder`), as the server would.
public struct RawRows: Sendable {
    let connection: any DatabaseWriter

    public init(_ database: AppDatabase) { connection = database.writer }

    /// Approved (or `status`) comments of `post` written straight in, as a bulk import or another
    /// process would: `parents[i]` is the index of comment i's parent (nil: top level). Times are
    /// one second apart from 2026-01-01 00:00:00.
    @discardableResult
    public func insertComments(
        post: String, count: Int, parents: @escaping @Sendable (Int) -> Int? = { _ in nil }, status: CommentStatus = .approved
    ) async throws -> [Int64] {
        try await connection.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, '2026-01-01 00:00:00.000')", arguments: [post])
            var ids: [Int64] = []
            for index in 0..<count {
                let created = String(format: "2026-01-01 %02d:%02d:%02d.000", index / 3600 % 24, index / 60 % 60, index % 60)
                let parent = parents(index).map { ids[$0] }
                try db.execute(sql: """
                    INSERT INTO comments (post_key, parent_id, name, body, status, policy_version, body_digest, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'test', ?, ?, ?)
                    """, arguments: [post, parent, "reader \(index)", "comment \(index)", status.rawValue, "digest-\(post)-\(index)", created, created])
                ids.append(db.lastInsertedRowID)
            }
            return ids
        }
    }

    /// Changes a status the way another process's plain UPDATE would: no audit event, no check.
    public func setStatus(of id: Int64, to status: CommentStatus) async throws {
        try await connection.write { db in
            try db.execute(sql: "UPDATE comments SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
        }
    }

    /// Approved comments of `post` with exactly the given stored values (ids, text in any
    /// encoding, times in any form SQLite may hold).
    public func insertStoredForms(post: String, _ rows: [StoredCommentForm]) async throws {
        try await connection.write { db in
            try db.execute(sql: "INSERT INTO posts (key, created_at) VALUES (?, '2026-01-01 00:00:00.000')", arguments: [post])
            for row in rows {
                var arguments: [(any DatabaseValueConvertible)?] = [row.id, post, row.parentID]
                arguments += row.name.arguments + row.url.arguments + row.body.arguments + ["d\(row.id)"] + row.createdAt.arguments
                try db.execute(sql: """
                    INSERT INTO comments (id, post_key, parent_id, name, url, body, status, policy_version, body_digest, created_at, updated_at)
                    VALUES (?, ?, ?, \(row.name.sql), \(row.url.sql), \(row.body.sql), 'approved', 't', ?, \(row.createdAt.sql), '2026-03-01 09:00:00.000')
                    """, arguments: StatementArguments(arguments))
            }
        }
    }

    /// 1,000,000 comments on 2,000 posts, every 20th pending, 1 in 10 spam and 1 in 10 trash, in
    /// one statement (the store would take minutes).
    public func insertMillionComments() async throws {
        try await connection.write { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
                INSERT INTO posts (key, created_at) SELECT 'post-' || i, '2025-01-01 00:00:00.000' FROM n;
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
                INSERT INTO comments (post_key, name, body, status, score, reasons, policy_version, email_hash, body_digest, created_at, updated_at)
                SELECT 'post-' || (i % 2000), 'name ' || i, 'body text number ' || i,
                       CASE WHEN i % 20 = 0 THEN 'pending' WHEN i % 10 = 1 THEN 'spam' WHEN i % 10 = 3 THEN 'trash' ELSE 'approved' END,
                       5, CASE WHEN i % 20 = 0 THEN '[{"code":"links.many","weight":5}]' ELSE '[]' END, 'v1',
                       printf('%064x', i % 50000), printf('%064x', i),
                       strftime('%Y-%m-%d %H:%M:%f', 1735689600 + i * 30, 'unixepoch'),
                       strftime('%Y-%m-%d %H:%M:%f', 1735689600 + i * 30, 'unixepoch')
                FROM n;
                """)
        }
    }

    /// Deletes a comment row as a purge does, leaving its import source and audit rows.
    public func deleteComment(id: Int64) async throws {
        try await connection.write { db in try db.execute(sql: "DELETE FROM comments WHERE id = ?", arguments: [id]) }
    }

    /// Removes the classifier's tables: a model store that fails on every read.
    public func dropClassifierTables() async throws {
        try await connection.write { db in try db.execute(sql: "DROP TABLE classifier_features; DROP TABLE classifier_state") }
    }

    /// Moves everything in the WAL into the main file, so the main file alone holds all data.
    public func checkpoint() async throws {
        try await connection.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
