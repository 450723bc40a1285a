import Foundation
import HakamCore
import HakamStore
import PostgresNIO

extension PostgresStore {
    static let publicSelection = "id, post_key, parent_id, name, url, body, status, created_at"

    static func publicComment(_ row: PostgresRow) throws -> PublicComment {
        let (id, post, parent, name, url, body, status, createdAt) = try row.decode(
            (Int64, String, Int64?, String, String?, String, String, Date).self)
        return PublicComment(id: id, post: post, parent: parent, name: name, url: url, body: body,
                             status: CommentStatus(rawValue: status) ?? .pending, createdAt: createdAt)
    }

    public func approvedComments(post: String, page: Int, perPage: Int) async throws -> PublicCommentPage {
        let rows = try await rows("""
            SELECT \(unescaped: Self.publicSelection), count(*) OVER () FROM comments WHERE post_key = \(post) AND status = 'approved'
            ORDER BY created_at, id LIMIT \(Int64(perPage)) OFFSET \(Int64((page - 1) * perPage))
            """)
        var total = 0
        if let first = rows.first {
            total = Int(try first.makeRandomAccess()[8].decode(Int64.self))
        } else if page > 1 {
            let counted = try await self.rows("SELECT count(*) FROM comments WHERE post_key = \(post) AND status = 'approved'")
            total = Int(try counted[0].decode(Int64.self))
        }
        return PublicCommentPage(total: total, comments: try rows.map(Self.publicComment))
    }

    static let recordSelection = """
        id, post_key, parent_id, name, url, body, status, score, reasons::text, policy_version, email_hash, email_sealed,
        ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at
        """

    public func comment(id: Int64) async throws -> CommentRecord? {
        let rows = try await rows("SELECT \(unescaped: Self.recordSelection) FROM comments WHERE id = \(id)")
        guard let row = rows.first else { return nil }
        let (id, post, parent, name, url, body, status, score, reasons, policy, emailHash, sealed, ipHash, agent, digest, folded, created, updated)
            = try row.decode((Int64, String, Int64?, String, String?, String, String, Double, String, String, String?, Data?,
                              String?, String?, String, String?, Date, Date).self)
        return CommentRecord(
            id: id, postKey: post, parentID: parent, name: name, url: url, body: body,
            status: CommentStatus(rawValue: status) ?? .pending, score: score, reasons: reasons, policyVersion: policy,
            emailHash: emailHash, emailSealed: sealed, ipHash: ipHash, userAgent: agent, bodyDigest: digest,
            foldedDigest: folded, createdAt: created, updatedAt: updated)
    }

    public func pendingCount() async throws -> Int {
        Int(try await rows("SELECT count(*) FROM comments WHERE status = 'pending'")[0].decode(Int64.self))
    }

    // MARK: Moderation reads

    static let moderatedSelection = """
        id, post_key, parent_id, name, url, body, status, score, reasons::text, policy_version,
        email_sealed IS NOT NULL, email_hash IS NOT NULL, created_at, updated_at
        """

    static func moderatedComment(_ row: PostgresRow) throws -> ModeratedComment {
        let (id, post, parent, name, url, body, status, score, reasons, policy, sealed, known, created, updated) = try row.decode(
            (Int64, String, Int64?, String, String?, String, String, Double, String, String, Bool, Bool, Date, Date).self)
        return ModeratedComment(
            id: id, postKey: post, parentID: parent, name: name, url: url, body: body,
            status: CommentStatus(rawValue: status) ?? .pending, score: score,
            reasons: (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? [],
            policyVersion: policy, hasSealedEmail: sealed, isAuthorKnown: known, createdAt: created, updatedAt: updated)
    }

    /// `select` (up to FROM) filtered as `filter` says, then `suffix` (ORDER BY, LIMIT).
    static func filtered(_ select: String, _ filter: QueueFilter, suffix: String = "") -> PostgresQuery {
        let statuses: [String]? = filter.statuses.isEmpty || Set(filter.statuses) == Set(CommentStatus.allCases)
            ? nil : filter.statuses.map(\.rawValue)
        return """
            \(unescaped: select)
            WHERE (\(statuses)::text[] IS NULL OR status = ANY(\(statuses)::text[]))
              AND (\(filter.postKey)::text IS NULL OR post_key = \(filter.postKey))
              AND (\(filter.since)::timestamptz IS NULL OR created_at >= \(filter.since))
              AND (\(filter.reasonCode)::text IS NULL
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(reasons) AS r WHERE r->>'code' = \(filter.reasonCode)))
            \(unescaped: suffix)
            """
    }

    public func queue(_ filter: QueueFilter) async throws -> QueuePage {
        let limit = filter.limit.map { "LIMIT \(max(0, $0))" } ?? ""
        let rows = try await rows(Self.filtered("SELECT \(Self.moderatedSelection) FROM comments", filter, suffix: "ORDER BY created_at, id \(limit)"))
        let comments = try rows.map(Self.moderatedComment)
        let total = filter.limit == nil
            ? comments.count
            : Int(try await self.rows(Self.filtered("SELECT count(*) FROM comments", filter))[0].decode(Int64.self))
        return QueuePage(total: total, comments: comments)
    }

    public func commentIDs(matching filter: QueueFilter) async throws -> [Int64] {
        let limit = filter.limit.map { "LIMIT \(max(0, $0))" } ?? ""
        return try await rows(Self.filtered("SELECT id FROM comments", filter, suffix: "ORDER BY created_at, id \(limit)"))
            .map { try $0.decode(Int64.self) }
    }

    public func commentDetail(id: Int64, now: Date) async throws -> CommentDetail? {
        let rows = try await rows("SELECT \(unescaped: Self.moderatedSelection) FROM comments WHERE id = \(id)")
        guard let row = rows.first else { return nil }
        let comment = try Self.moderatedComment(row)
        var author: AuthorStanding?
        if let standing = try await self.rows("""
            SELECT a.approved_count::int8, a.spam_count::int8, a.comment_count::int8, a.first_seen_at,
                   EXISTS (SELECT 1 FROM bans b WHERE b.kind = 'email' AND b.value = a.email_hash AND b.lifted_at IS NULL
                           AND (b.expires_at IS NULL OR b.expires_at > \(now)))
            FROM comments c JOIN authors a ON a.email_hash = c.email_hash WHERE c.id = \(id)
            """).first {
            let (approved, spam, count, firstSeen, banned) = try standing.decode((Int64, Int64, Int64, Date, Bool).self)
            author = AuthorStanding(approvedCount: Int(approved), spamCount: Int(spam), commentCount: Int(count), firstSeenAt: firstSeen, isBanned: banned)
        }
        var parent: ModeratedComment?
        if let parentID = comment.parentID {
            parent = try await self.rows("SELECT \(unescaped: Self.moderatedSelection) FROM comments WHERE id = \(parentID)").first
                .map(Self.moderatedComment)
        }
        let replies = try await self.rows("SELECT count(*) FROM comments WHERE parent_id = \(id)")[0].decode(Int64.self)
        return CommentDetail(comment: comment, author: author, parent: parent, replyCount: Int(replies), events: try await history(commentID: id))
    }

    static let eventSelection = "id, comment_id, actor, action, from_status, to_status, note, created_at"

    static func event(_ row: PostgresRow) throws -> ModerationEventRecord {
        let (id, commentID, actor, action, from, to, note, created) = try row.decode(
            (Int64, Int64, String, String, String?, String, String?, Date).self)
        return ModerationEventRecord(
            id: id, commentID: commentID, actor: actor, action: action, fromStatus: from.flatMap(CommentStatus.init(rawValue:)),
            toStatus: CommentStatus(rawValue: to) ?? .pending, note: note, createdAt: created)
    }

    public func history(commentID: Int64) async throws -> [ModerationEventRecord] {
        try await rows("SELECT \(unescaped: Self.eventSelection) FROM moderation_events WHERE comment_id = \(commentID) ORDER BY id")
            .map(Self.event)
    }

    public func moderationStats(now: Date, windowStart: Date, topReasonLimit: Int) async throws -> ModerationStats {
        var counts: [CommentStatus: Int] = Dictionary(uniqueKeysWithValues: CommentStatus.allCases.map { ($0, 0) })
        for row in try await rows("SELECT status, count(*) FROM comments GROUP BY status") {
            let (status, n) = try row.decode((String, Int64).self)
            if let status = CommentStatus(rawValue: status) { counts[status] = Int(n) }
        }
        let pending = counts[.pending] ?? 0
        let oldest = try await rows("SELECT created_at FROM comments WHERE status = 'pending' ORDER BY created_at LIMIT 1")
            .first.map { try $0.decode(Date.self) }
        let median = pending == 0 ? nil : try await rows("""
            SELECT created_at FROM comments WHERE status = 'pending' ORDER BY created_at LIMIT 1 OFFSET \(Int64(pending / 2))
            """).first.map { try $0.decode(Date.self) }
        let reasons = try await rows("""
            SELECT r->>'code' AS code, count(*) AS n FROM comments c, jsonb_array_elements(c.reasons) AS r
            WHERE c.created_at >= \(windowStart) AND r->>'code' IS NOT NULL
            GROUP BY code ORDER BY n DESC, code LIMIT \(Int64(topReasonLimit))
            """).map { row in
                let (code, n) = try row.decode((String, Int64).self)
                return ModerationStats.CodeCount(code: code, count: Int(n))
            }
        let decisionActions = ModerationAction.allCases.map(\.rawValue) + [AuditAction.undo]
        let actors = try await rows("""
            SELECT actor, count(*) AS n FROM moderation_events WHERE created_at >= \(windowStart) AND action = ANY(\(decisionActions)::text[])
            GROUP BY actor ORDER BY n DESC, actor
            """).map { row in
                let (actor, n) = try row.decode((String, Int64).self)
                return ModerationStats.ActorCount(actor: actor, count: Int(n))
            }
        let bans = try await rows("""
            SELECT count(*) FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > \(now))
            """)[0].decode(Int64.self)
        return ModerationStats(countsByStatus: counts, oldestPendingAt: oldest, medianPendingAt: median, topReasons: reasons,
                               decisionsByActor: actors, activeBans: Int(bans), windowStart: windowStart)
    }
}
