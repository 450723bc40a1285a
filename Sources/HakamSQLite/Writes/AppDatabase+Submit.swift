import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Stores a submitted comment and its first audit event, and returns after the commit: the
    /// caller may then acknowledge the comment.
    ///
    /// Concurrent submissions share one write transaction (group commit, see `SubmitQueue`), each
    /// in its own savepoint. The history the verdict depends on (bans, flood, duplicates,
    /// reputation) is read inside that transaction, after the comments queued before it, so two
    /// identical submissions cannot both pass. `decide` may throw (a `Rejection`) to store nothing.
    public func submit(
        _ comment: NewComment,
        decide: @escaping @Sendable (AuthorHistory) throws -> Verdict
    ) async throws -> (CommentRecord, Verdict) {
        do {
            let outcome = try await submitQueue.enqueue { db in
                try Self.writeSubmission(comment, decide: decide, in: db)
            }
            return (outcome.record, outcome.verdict)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    static func writeSubmission(
        _ comment: NewComment, decide: (AuthorHistory) throws -> Verdict, in db: Database
    ) throws -> SubmitOutcome {
        if let parentID = comment.parentID {
            let parentIsPublic = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM comments WHERE id = ? AND post_key = ? AND status = 'approved'
                """), arguments: [parentID, comment.postKey]) ?? false
            guard parentIsPublic else { throw StoreError.parentNotFound }
        }
        // Bans are read here, in the write, so a ban issued by the CLI applies to the next
        // submission without a restart. A fact for the judge, which refuses the comment.
        var history = AuthorHistory()
        history.isBanned = try activeBan(db, emailHash: comment.emailHash, ipHash: comment.ipHash, emailDomain: comment.emailDomain,
                                         name: comment.name, now: comment.createdAt) != nil
        if !history.isBanned {
            history = try AuthorHistory.fetch(db, for: comment)
        }
        let verdict = try decide(history)

        // Plain prepared INSERTs: GRDB's record persistence (encoding containers, a statement
        // lookup per row) is a noticeable share of the single writer's time.
        let createdAt = DatabaseTimestamp.string(comment.createdAt)
        let reasons = ReasonsJSON.text(verdict.reasons)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO posts (key, created_at) VALUES (?, ?)")
            .execute(arguments: [comment.postKey, createdAt])
        try db.cachedStatement(sql: """
            INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version, email_hash,
                                  email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                comment.postKey, comment.parentID, comment.name, comment.url, comment.body, verdict.status, verdict.score,
                reasons, verdict.policyVersion, comment.emailHash, comment.emailSealed, comment.ipHash, comment.userAgent,
                comment.bodyDigest, comment.foldedDigest, createdAt, createdAt,
            ])
        let id = db.lastInsertedRowID
        _ = try appendEvent(db, commentID: id, action: AuditAction.submit, from: nil, to: verdict.status, actor: AuditAction.serverActor,
                            note: verdict.reasons.map(\.code).joined(separator: " "), now: comment.createdAt)
        let record = CommentRecord(
            id: id, postKey: comment.postKey, parentID: comment.parentID, name: comment.name, url: comment.url,
            body: comment.body, status: verdict.status, score: verdict.score, reasons: reasons,
            policyVersion: verdict.policyVersion, emailHash: comment.emailHash, emailSealed: comment.emailSealed,
            ipHash: comment.ipHash, userAgent: comment.userAgent, bodyDigest: comment.bodyDigest,
            foldedDigest: comment.foldedDigest, createdAt: comment.createdAt, updatedAt: comment.createdAt)
        return SubmitOutcome(record: record, verdict: verdict)
    }
}

extension AppDatabase {
    /// SQLite's transient failures as the store's own errors: a full disk, and busy/locked
    /// (another process holds the write lock past the busy timeout), read-only or I/O errors,
    /// which a client should retry. Anything else is passed on as it is.
    static func storeError(_ error: DatabaseError) -> any Error {
        switch error.resultCode {
        case .SQLITE_FULL: StoreError.full
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL:
            StoreError.unavailable(retryAfterSeconds: 5)
        default: error
        }
    }
}
