import Foundation
import GRDB
import HakamCore
import HakamStore

/// SQLite's `CommentImportSession`: writes each comment at once, inside the one transaction of
/// `AppDatabase.importComments`; the `authors` counters follow through the insert trigger.
final class SQLiteImportSession: CommentImportSession {
    static let actor = ImportMarks.actor
    static let auditAction = ImportMarks.auditAction
    static let policyVersion = ImportMarks.policyVersion

    private let db: Database
    private let now: Date

    init(db: Database, now: Date) {
        self.db = db
        self.now = now
    }

    func add(_ comment: ImportedComment) throws -> ImportOutcome {
        // Dates as text, formatted without GRDB's DateFormatter (ICU is slow per row).
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
                comment.postKey, parentID, comment.name.isEmpty ? AnonymousAuthor.name : comment.name, comment.url,
                comment.body, comment.status.rawValue, Self.policyVersion, comment.emailHash, comment.emailSealed,
                comment.ipHash, BodyDigest.exact(comment.body), BodyDigest.folded(comment.body),
                // updated_at is the import time: the comment is new here, so the next
                // incremental export (`--since`) picks it up.
                createdAt, now,
            ])
        let commentID = db.lastInsertedRowID
        _ = try AppDatabase.appendEvent(
            db, commentID: commentID, action: Self.auditAction, from: nil, to: comment.status, actor: Self.actor,
            note: "comment \(comment.sourceID) of \(comment.source)", now: self.now)
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
    public func importComments<T>(now: Date, _ body: (any CommentImportSession) throws -> T) throws -> (result: T, parentsLinked: Int) {
        try importInOneTransaction(now: now, body)
    }

    public func importComments<T>(now: Date, _ body: (any CommentImportSession) throws -> T) async throws -> (result: T, parentsLinked: Int) {
        try importInOneTransaction(now: now, body)
    }

    private func importInOneTransaction<T>(now: Date, _ body: (any CommentImportSession) throws -> T) throws -> (result: T, parentsLinked: Int) {
        try writer.write { db in
            let session = SQLiteImportSession(db: db, now: now)
            let result = try body(session)
            return (result, try session.linkParents())
        }
    }
}
