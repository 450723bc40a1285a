import Foundation
import GRDB
import HakamCore

/// Writes imported comments inside the one transaction of `AppDatabase.importComments`.
/// Each comment gets its `import_sources` row and an audit event (`import`, by "import");
/// the `authors` counters follow through the insert trigger, as for submitted comments.
/// Imported comments are not judged: they were moderated where they came from.
public final class CommentImportSession {
    public enum Outcome: Sendable, Equatable {
        case imported(commentID: Int64)
        case alreadyImported
    }

    public static let actor = "import"
    public static let auditAction = "import"
    /// The `policy_version` of imported comments: no Hakam policy judged them.
    public static let policyVersion = "import"

    private let db: Database
    private let now: Date

    init(db: Database, now: Date) {
        self.db = db
        self.now = now
    }

    public func add(_ comment: ImportedComment) throws -> Outcome {
        // Dates as text, formatted without GRDB's DateFormatter (ICU cost 7 % of an import).
        let createdAt = DatabaseTimestamp.string(comment.createdAt), now = DatabaseTimestamp.string(self.now)
        let known = try db.cachedStatement(sql: "SELECT 1 FROM import_sources WHERE source = ? AND source_id = ?")
        if try Bool.fetchOne(known, arguments: [comment.source, comment.sourceID]) != nil {
            return .alreadyImported
        }
        var parentID: Int64?
        if let sourceParent = comment.sourceParentID {
            let parent = try db.cachedStatement(sql: "SELECT comment_id FROM import_sources WHERE source = ? AND source_id = ?")
            parentID = try Int64.fetchOne(parent, arguments: [comment.source, sourceParent])
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, ?)")
            .execute(arguments: [comment.postKey, createdAt])
        try db.cachedStatement(sql: """
            INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version,
                email_hash, email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, '[]', ?, ?, ?, ?, NULL, ?, ?, ?, ?)
            """).execute(arguments: [
                comment.postKey, parentID, comment.name.isEmpty ? AppDatabase.anonymousName : comment.name, comment.url,
                comment.body, comment.status.rawValue, Self.policyVersion, comment.emailHash, comment.emailSealed,
                comment.ipHash, BodyDigest.exact(comment.body), BodyDigest.folded(comment.body),
                // updated_at is the import time: the comment is new here, so the next
                // incremental export (`--since`) picks it up.
                createdAt, now,
            ])
        let commentID = db.lastInsertedRowID
        try db.cachedStatement(sql: """
            INSERT INTO moderation_events (comment_id, actor, action, from_status, to_status, note, created_at)
            VALUES (?, ?, ?, NULL, ?, ?, ?)
            """).execute(arguments: [
                commentID, Self.actor, Self.auditAction, comment.status.rawValue,
                "comment \(comment.sourceID) of \(comment.source)", now,
            ])
        try db.cachedStatement(sql: """
            INSERT INTO import_sources (source, source_id, source_parent_id, comment_id, imported_at) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [comment.source, comment.sourceID, comment.sourceParentID, commentID, now])
        return .imported(commentID: commentID)
    }

    /// Links replies whose parent was imported after them (or by a later file of the same
    /// site). Returns how many were linked.
    func linkParents() throws -> Int {
        try db.execute(sql: """
            UPDATE comments SET parent_id = (
                SELECT p.comment_id FROM import_sources c
                JOIN import_sources p ON p.source = c.source AND p.source_id = c.source_parent_id
                WHERE c.comment_id = comments.id)
            WHERE parent_id IS NULL AND id IN (
                SELECT c.comment_id FROM import_sources c
                JOIN import_sources p ON p.source = c.source AND p.source_id = c.source_parent_id
                WHERE c.comment_id IS NOT NULL AND p.comment_id IS NOT NULL)
            """)
        return db.changesCount
    }
}

extension AppDatabase {
    /// Runs a whole import in ONE write transaction: if `body` throws (malformed XML half-way,
    /// a full disk), nothing of it is kept. The server's submissions wait for the transaction
    /// (up to the busy timeout, then 503 + Retry-After), so large imports belong to quiet hours.
    public func importComments<T>(now: Date, _ body: (CommentImportSession) throws -> T) throws -> (result: T, parentsLinked: Int) {
        try writer.write { db in
            let session = CommentImportSession(db: db, now: now)
            let result = try body(session)
            return (result, try session.linkParents())
        }
    }
}
