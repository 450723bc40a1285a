import Foundation
import HakamCore
import HakamStore
import Logging
import PostgresNIO

extension PostgresStore {
    /// How far back a copy on another article counts, and the burst window (as in SQLite).
    static let crossPostWindow: TimeInterval = 24 * 3600
    static let burstWindow: TimeInterval = 60

    public func submit(
        _ comment: NewComment, decide: @escaping @Sendable (AuthorHistory) throws -> Verdict
    ) async throws -> (CommentRecord, Verdict) {
        try await transaction { connection, logger in
            // Serialize the submissions that could see each other's rows (same author, same IP,
            // same text) across every node, before reading bans and history. Keys are sorted so
            // two transactions never wait for each other in opposite orders.
            let keys = SubmitLockKeys.of(comment)
            try await connection.query("SELECT pg_advisory_xact_lock(k) FROM unnest(\(keys)::int8[]) WITH ORDINALITY AS t(k, n) ORDER BY n", logger: logger)

            if let parentID = comment.parentID {
                let parent = try await connection.query("""
                    SELECT 1 FROM comments WHERE id = \(parentID) AND post_key = \(comment.postKey) AND status = 'approved'
                    """, logger: logger).collect()
                guard !parent.isEmpty else { throw StoreError.parentNotFound }
            }
            let history = try await Self.history(connection, for: comment, logger: logger)
            let verdict = try decide(history)

            let reasons = ReasonsJSON.text(verdict.reasons)
            let event = AuditEvent(
                comment: .insertedBy(step: "stored"), action: AuditAction.submit, from: nil, to: verdict.status,
                actor: AuditAction.serverActor, note: verdict.reasons.map(\.code).joined(separator: " "), at: comment.createdAt)
            let rows = try await connection.query("""
                WITH post AS (
                    INSERT INTO posts (key, created_at) VALUES (\(comment.postKey), \(comment.createdAt)) ON CONFLICT (key) DO NOTHING
                ), stored AS (
                    INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version, email_hash,
                                          email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
                    VALUES (\(comment.postKey), \(comment.parentID), \(comment.name), \(comment.url), \(comment.body),
                            \(verdict.status.rawValue), \(verdict.score), \(reasons)::jsonb, \(verdict.policyVersion), \(comment.emailHash),
                            \(comment.emailSealed), \(comment.ipHash), \(comment.userAgent), \(comment.bodyDigest), \(comment.foldedDigest),
                            \(comment.createdAt), \(comment.createdAt))
                    RETURNING id
                ), event AS (
                    \(insert: event)
                )
                SELECT id FROM stored
                """, logger: logger).collect()
            let id = try rows[0].decode(Int64.self)
            let record = CommentRecord(
                id: id, postKey: comment.postKey, parentID: comment.parentID, name: comment.name, url: comment.url,
                body: comment.body, status: verdict.status, score: verdict.score, reasons: reasons,
                policyVersion: verdict.policyVersion, emailHash: comment.emailHash, emailSealed: comment.emailSealed,
                ipHash: comment.ipHash, userAgent: comment.userAgent, bodyDigest: comment.bodyDigest,
                foldedDigest: comment.foldedDigest, createdAt: comment.createdAt, updatedAt: comment.createdAt)
            return (record, verdict)
        }
    }

    /// The facts the verdict needs, in one statement: a standing ban, the author's counts, the
    /// newest comment by the same email or IP, a copy on this post, copies elsewhere, the burst.
    static func history(_ connection: PostgresConnection, for comment: NewComment, logger: Logger) async throws -> AuthorHistory {
        let candidates = BanCandidates.of(emailHash: comment.emailHash, ipHash: comment.ipHash, emailDomain: comment.emailDomain, name: comment.name)
        let kinds = candidates.map(\.kind.rawValue), values = candidates.map(\.value)
        let crossPostStart = comment.createdAt.addingTimeInterval(-crossPostWindow)
        let burstStart = comment.createdAt.addingTimeInterval(-burstWindow)
        let burstLimit = max(0, comment.postBurstCountLimit)
        let floodStart = comment.floodStart
        let rows = try await connection.query("""
            SELECT
                EXISTS (SELECT 1 FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > \(comment.createdAt))
                        AND (kind, value) IN (SELECT * FROM unnest(\(kinds)::text[], \(values)::text[]))) AS banned,
                coalesce((SELECT approved_count FROM authors WHERE email_hash = \(comment.emailHash)), 0)::int8,
                coalesce((SELECT spam_count FROM authors WHERE email_hash = \(comment.emailHash)), 0)::int8,
                (SELECT max(created_at) FROM comments WHERE email_hash = \(comment.emailHash) AND created_at > \(floodStart)),
                (SELECT max(created_at) FROM comments WHERE ip_hash = \(comment.ipHash) AND created_at > \(floodStart)),
                CASE WHEN \(comment.foldedDigest)::text IS NOT NULL
                     THEN EXISTS (SELECT 1 FROM comments WHERE folded_digest = \(comment.foldedDigest) AND post_key = \(comment.postKey)
                                  AND email_hash = \(comment.emailHash))
                     ELSE EXISTS (SELECT 1 FROM comments WHERE email_hash = \(comment.emailHash) AND body_digest = \(comment.bodyDigest)
                                  AND post_key = \(comment.postKey))
                END,
                (SELECT count(*) FROM (SELECT 1 FROM comments WHERE folded_digest = \(comment.foldedDigest)
                                       AND created_at > \(crossPostStart) AND post_key <> \(comment.postKey) LIMIT 20) AS copies),
                (SELECT count(*) FROM (SELECT 1 FROM comments WHERE post_key = \(comment.postKey)
                                       AND status IN ('pending', 'approved', 'spam', 'trash') AND created_at > \(burstStart)
                                       LIMIT \(Int64(burstLimit))) AS burst)
            """, logger: logger).collect()
        let (banned, approved, spam, byEmail, byIP, duplicate, copies, burst) = try rows[0].decode(
            (Bool, Int64, Int64, Date?, Date?, Bool, Int64, Int64).self)
        var history = AuthorHistory(
            approvedCount: Int(approved), spamCount: Int(spam), lastCommentAt: [byEmail, byIP].compactMap { $0 }.max(),
            hasDuplicate: duplicate, crossPostCopies: Int(copies), recentOnPost: Int(burst))
        history.isBanned = banned
        return history
    }
}

/// The advisory-lock keys of a submission: its email hash, IP hash and body digest, each a
/// 64-bit number taken from the hex digest (distinct prefixes keep the three kinds apart).
enum SubmitLockKeys {
    static func of(_ comment: NewComment) -> [Int64] {
        var keys = [key("e", comment.emailHash)]
        if let ip = comment.ipHash { keys.append(key("i", ip)) }
        keys.append(key("b", comment.foldedDigest ?? comment.bodyDigest))
        return Array(Set(keys)).sorted()
    }

    static func key(_ kind: String, _ hexDigest: String) -> Int64 {
        // FNV-1a over kind and digest: stable across nodes and releases, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in kind.utf8 + [0] + hexDigest.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
