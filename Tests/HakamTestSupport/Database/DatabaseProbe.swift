import Foundation
import GRDB
import HakamCore
import HakamStore
import HakamSQLite

/// Typed questions about what a test database holds, written once here so that tests ask
/// `status(of:)` or `count(.outbox)` instead of writing SQL. Reads only.
public struct DatabaseProbe: Sendable {
    let connection: any DatabaseWriter

    public init(_ database: AppDatabase) { connection = database.writer }

    /// A connection of its own to the file at `path`: what another process (the server, the CLI)
    /// left there.
    public init(path: String) throws { connection = try DatabaseQueue(path: path) }

    /// Closes a connection opened with `init(path:)` (a no-op for an `AppDatabase`'s pool).
    public func close() throws { try (connection as? DatabaseQueue)?.close() }

    /// Tables a test counts the rows of.
    public enum Table: String, Sendable {
        case comments, bans, outbox, deliveries, posts
        case moderationEvents = "moderation_events"
        case importSources = "import_sources"
        case actionLinkUses = "action_link_uses"
    }

    public func count(_ table: Table) async throws -> Int {
        try await connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0 }
    }

    // MARK: Comments

    public func status(of id: Int64) async throws -> CommentStatus? {
        try await connection.read { db in try CommentStatus.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [id]) }
    }

    /// Every stored comment, oldest id first.
    public func comments() async throws -> [CommentRecord] {
        try await connection.read { db in try CommentRecord.order(CommentRecord.CodingKeys.id).fetchAll(db) }
    }

    public func commentIDs() async throws -> [Int64] {
        try await connection.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM comments ORDER BY id") }
    }

    /// The bodies of a post's comments, whatever their status.
    public func bodies(post: String) async throws -> [String] {
        try await connection.read { db in try String.fetchAll(db, sql: "SELECT body FROM comments WHERE post_key = ? ORDER BY id", arguments: [post]) }
    }

    /// Imported comments with the id they had in the source file, in the source's numeric order.
    public func importedComments() async throws -> [(sourceID: String, comment: CommentRecord)] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, s.source_id FROM comments c JOIN import_sources s ON s.comment_id = c.id ORDER BY CAST(s.source_id AS INTEGER)
                """).map { row in (sourceID: row["source_id"] as String, comment: try CommentRecord(row: row)) }
        }
    }

    /// Approved comments as stored text — post, name, url, body, created_at, the parent's body —
    /// ordered by post and time: what two databases holding "the same public comments" share.
    public func publicCommentTexts() async throws -> [[String]] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.post_key, c.name, ifnull(c.url, ''), c.body, c.created_at, ifnull(p.body, '') AS parent_body
                FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
                WHERE c.status = 'approved' ORDER BY c.post_key, c.created_at
                """).map { row in (0..<6).map { row[$0] as String } }
        }
    }

    /// Every keyed value stored with the comments (email and IP hashes, sealed emails as hex),
    /// for scans that must not find them in an output.
    public func keyedValues() async throws -> [String] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: "SELECT email_hash, ip_hash, hex(email_sealed) AS sealed FROM comments")
                .flatMap { [$0["email_hash"] as String?, $0["ip_hash"] as String?, $0["sealed"] as String?].compactMap { $0 } }
        }
    }

    // MARK: Audit

    /// The audit trail of a comment, oldest first.
    public func events(of id: Int64) async throws -> [ModerationEventRecord] {
        try await connection.read { db in
            try ModerationEventRecord.filter(ModerationEventRecord.CodingKeys.commentID == id).order(ModerationEventRecord.CodingKeys.id).fetchAll(db)
        }
    }

    public func eventCount(action: String, actor: String) async throws -> Int {
        try await connection.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM moderation_events WHERE action = ? AND actor = ?", arguments: [action, actor]) ?? 0
        }
    }

    // MARK: Authors

    /// One author's stored counters, or nil when the author has none.
    public func author(emailHash: String) async throws -> AuthorCounters? {
        try await connection.read { db in
            try Row.fetchOne(db, sql: "SELECT comment_count, approved_count, spam_count FROM authors WHERE email_hash = ?", arguments: [emailHash])
                .map(AuthorCounters.init(row:))
        }
    }

    /// Every author's counters added up.
    public func authorTotals() async throws -> AuthorCounters {
        try await connection.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT ifnull(sum(comment_count), 0) AS comment_count, ifnull(sum(approved_count), 0) AS approved_count,
                       ifnull(sum(spam_count), 0) AS spam_count FROM authors
                """)
            return row.map(AuthorCounters.init(row:)) ?? AuthorCounters(comments: 0, approved: 0, spam: 0)
        }
    }

    /// Authors whose approved or spam counter differs from a count of their comments.
    public func authorsOutOfStep() async throws -> Int {
        try await connection.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM authors a
                WHERE approved_count != (SELECT count(*) FROM comments c WHERE c.email_hash = a.email_hash AND c.status = 'approved')
                   OR spam_count != (SELECT count(*) FROM comments c WHERE c.email_hash = a.email_hash AND c.status = 'spam')
                """) ?? 0
        }
    }

    // MARK: Outbox

    /// Every outbox row, oldest first.
    public func outbox() async throws -> [OutboxEntry] {
        try await connection.read { db in
            try Row.fetchAll(db, sql: "SELECT type, comment_id, event_id FROM outbox ORDER BY id")
                .map { OutboxEntry(type: $0["type"], commentID: $0["comment_id"], eventID: $0["event_id"]) }
        }
    }

    /// Deliveries not (yet) sent: pending or failed.
    public func unsentDeliveryCount() async throws -> Int {
        try await connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries WHERE status <> 'sent'") ?? 0 }
    }

    // MARK: The file

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() async throws -> String {
        try await connection.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
