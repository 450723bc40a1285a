import Foundation
import HakamCore
import HakamStore
import Logging
import PostgresNIO

extension PostgresStore {
    public func revealEmail(
        commentID: Int64, actor: String, note: String?, now: Date, open: @escaping @Sendable (Data) throws -> String
    ) async throws -> String {
        try await transaction { connection, logger in
            let rows = try await connection.query("SELECT status, email_sealed FROM comments WHERE id = \(commentID) FOR UPDATE", logger: logger).collect()
            guard let row = rows.first else { throw ModerationError.commentNotFound(commentID) }
            let (statusText, sealed) = try row.decode((String, Data?).self)
            guard let sealed else { throw ModerationError.noSealedEmail(commentID) }
            let email = try open(sealed)
            let status = CommentStatus(rawValue: statusText) ?? .pending
            _ = try await Self.appendEvent(connection, logger, commentID: commentID, action: AuditAction.revealEmail, from: status, to: status,
                                           actor: actor, note: note, now: now)
            return email
        }
    }

    public func decide(
        commentID: Int64, action: ModerationAction, actor: String, note: String?, expecting: Set<CommentStatus>?, now: Date
    ) async throws -> DecisionOutcome {
        try await transaction { connection, logger in
            let (current, parentID) = try await Self.moderationState(connection, logger, commentID: commentID)
            if let expecting, !expecting.contains(current) {
                throw ModerationError.statusChanged(commentID: commentID, actual: current)
            }
            let target = action.status
            guard current != target else { return DecisionOutcome(commentID: commentID, from: current, to: target, eventID: nil) }
            if target == .approved { try await Self.requireApprovedParent(connection, logger, commentID: commentID, parentID: parentID) }
            let eventID = try await Self.changeStatus(connection, logger, commentID: commentID, from: current, to: target,
                                                      action: action.rawValue, actor: actor, note: note, lessons: classifierLessons, now: now)
            return DecisionOutcome(commentID: commentID, from: current, to: target, eventID: eventID)
        }
    }

    public func undo(commentID: Int64, actor: String, note: String?, now: Date) async throws -> DecisionOutcome {
        try await transaction { connection, logger in
            let (current, parentID) = try await Self.moderationState(connection, logger, commentID: commentID)
            let events = try await connection.query("""
                SELECT \(unescaped: Self.eventSelection) FROM moderation_events WHERE comment_id = \(commentID) ORDER BY id DESC
                """, logger: logger).collect().map(Self.event)
            guard let target = UndoRule.lastUndoableEvent(in: events), let previous = target.fromStatus else {
                throw ModerationError.nothingToUndo(commentID)
            }
            guard current == target.toStatus else { throw ModerationError.statusChanged(commentID: commentID, actual: current) }
            if previous == .approved { try await Self.requireApprovedParent(connection, logger, commentID: commentID, parentID: parentID) }
            let eventID = try await Self.changeStatus(
                connection, logger, commentID: commentID, from: current, to: previous, action: AuditAction.undo, actor: actor,
                note: note ?? "undo of event \(target.id ?? 0) (\(target.action))", lessons: classifierLessons, now: now)
            return DecisionOutcome(commentID: commentID, from: current, to: previous, eventID: eventID,
                                   revertedEventID: target.id, revertedAction: target.action)
        }
    }

    /// The comment's status and parent, its row locked until the transaction ends, so two
    /// moderators on two machines decide one after the other.
    static func moderationState(_ connection: PostgresConnection, _ logger: Logger, commentID: Int64) async throws -> (CommentStatus, Int64?) {
        let rows = try await connection.query("SELECT status, parent_id FROM comments WHERE id = \(commentID) FOR UPDATE", logger: logger).collect()
        guard let row = rows.first else { throw ModerationError.commentNotFound(commentID) }
        let (status, parent) = try row.decode((String, Int64?).self)
        return (CommentStatus(rawValue: status) ?? .pending, parent)
    }

    static func requireApprovedParent(_ connection: PostgresConnection, _ logger: Logger, commentID: Int64, parentID: Int64?) async throws {
        guard let parentID else { return }
        let rows = try await connection.query("SELECT status FROM comments WHERE id = \(parentID)", logger: logger).collect()
        let status = try rows.first.map { CommentStatus(rawValue: try $0.decode(String.self)) } ?? nil
        guard status == .approved else {
            throw ModerationError.parentNotApproved(commentID: commentID, parentID: parentID, parentStatus: status)
        }
    }

    /// The one place a moderator's status change is written: the update, the classifier's
    /// lesson and the audit event, in the caller's transaction. Author counts follow by trigger.
    static func changeStatus(
        _ connection: PostgresConnection, _ logger: Logger, commentID: Int64, from: CommentStatus, to: CommentStatus,
        action: String, actor: String, note: String?, lessons: ClassifierLessons, now: Date
    ) async throws -> Int64 {
        try await connection.query("UPDATE comments SET status = \(to.rawValue), updated_at = \(now) WHERE id = \(commentID)", logger: logger)
        try await teachClassifier(connection, logger, commentID: commentID, to: to, lessons: lessons, now: now)
        return try await appendEvent(connection, logger, commentID: commentID, action: action, from: from, to: to, actor: actor, note: note, now: now)
    }

    static func appendEvent(
        _ connection: PostgresConnection, _ logger: Logger, commentID: Int64, action: String, from: CommentStatus?, to: CommentStatus,
        actor: String, note: String?, now: Date
    ) async throws -> Int64 {
        let event = AuditEvent(comment: .id(commentID), action: action, from: from, to: to, actor: actor, note: note, at: now)
        let rows = try await connection.query("\(insert: event) RETURNING id", logger: logger).collect()
        return try rows[0].decode(Int64.self)
    }

    // MARK: Bans

    static let banSelection = "id, kind, value, expires_at, note, actor, created_at, lifted_at, lifted_by"

    static func ban(_ row: PostgresRow) throws -> BanRecord {
        let (id, kind, value, expires, note, actor, created, lifted, liftedBy) = try row.decode(
            (Int64, String, String, Date?, String?, String, Date, Date?, String?).self)
        return BanRecord(id: id, kind: BanKind(rawValue: kind) ?? .name, value: value, expiresAt: expires, note: note, actor: actor,
                         createdAt: created, liftedAt: lifted, liftedBy: liftedBy)
    }

    public func activeBan(emailHash: String?, ipHash: String?, emailDomain: String?, name: String?, now: Date) async throws -> BanRecord? {
        let candidates = BanCandidates.of(emailHash: emailHash, ipHash: ipHash, emailDomain: emailDomain, name: name)
        return try await rows("""
            SELECT \(unescaped: Self.banSelection) FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > \(now))
            AND (kind, value) IN (SELECT * FROM unnest(\(candidates.map(\.kind.rawValue))::text[], \(candidates.map(\.value))::text[]))
            ORDER BY id LIMIT 1
            """).first.map(Self.ban)
    }

    public func ban(kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome {
        try await transaction { connection, logger in
            try await Self.ban(connection, logger, kind: kind, value: value, expiresAt: expiresAt, note: note, actor: actor, now: now)
        }
    }

    /// A standing ban on the same value is updated, not doubled; the partial unique index
    /// settles two CLIs banning the same value at once (the second updates).
    static func ban(
        _ connection: PostgresConnection, _ logger: Logger, kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, now: Date
    ) async throws -> BanOutcome {
        let rows = try await connection.query("""
            INSERT INTO bans (kind, value, expires_at, note, actor, created_at) VALUES (\(kind.rawValue), \(value), \(expiresAt), \(note), \(actor), \(now))
            ON CONFLICT (kind, value) WHERE lifted_at IS NULL
            DO UPDATE SET expires_at = excluded.expires_at, note = coalesce(excluded.note, bans.note), actor = excluded.actor
            RETURNING \(unescaped: banSelection), (xmax = 0) AS inserted
            """, logger: logger).collect()
        let ban = try Self.ban(rows[0])
        let inserted = try rows[0].makeRandomAccess()[9].decode(Bool.self)
        return BanOutcome(ban: ban, isNew: inserted)
    }

    public func banAuthor(ofComment commentID: Int64, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome {
        try await transaction { connection, logger in
            let rows = try await connection.query("SELECT email_hash FROM comments WHERE id = \(commentID)", logger: logger).collect()
            guard let row = rows.first else { throw ModerationError.commentNotFound(commentID) }
            guard let hash = try row.decode(String?.self) else { throw ModerationError.authorUnknown(commentID) }
            return try await Self.ban(connection, logger, kind: .email, value: hash, expiresAt: expiresAt,
                                      note: note ?? "author of #\(commentID)", actor: actor, now: now)
        }
    }

    public func unban(kind: BanKind, value: String, actor: String, now: Date) async throws -> BanRecord {
        let rows = try await rows("""
            UPDATE bans SET lifted_at = \(now), lifted_by = \(actor) WHERE kind = \(kind.rawValue) AND value = \(value) AND lifted_at IS NULL
            RETURNING \(unescaped: Self.banSelection)
            """)
        guard let row = rows.first else {
            throw ModerationError.banNotFound(kind.rawValue + " " + (kind == .email || kind == .ip ? "(hashed)" : value))
        }
        return try Self.ban(row)
    }

    public func unban(id: Int64, actor: String, now: Date) async throws -> BanRecord {
        let rows = try await rows("""
            UPDATE bans SET lifted_at = \(now), lifted_by = \(actor) WHERE id = \(id) AND lifted_at IS NULL RETURNING \(unescaped: Self.banSelection)
            """)
        guard let row = rows.first else { throw ModerationError.banNotFound("#\(id)") }
        return try Self.ban(row)
    }

    public func bans(includeInactive: Bool, now: Date) async throws -> [BanRecord] {
        if includeInactive {
            return try await rows("SELECT \(unescaped: Self.banSelection) FROM bans ORDER BY id DESC").map(Self.ban)
        }
        return try await rows("""
            SELECT \(unescaped: Self.banSelection) FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > \(now)) ORDER BY id DESC
            """).map(Self.ban)
    }

    // MARK: Erasure and retention

    public func forget(emailHash: String, actor: String, note: String?, now: Date) async throws -> Int {
        try await transaction { connection, logger in
            let rows = try await connection.query("""
                SELECT id, status FROM comments WHERE email_hash = \(emailHash) ORDER BY id FOR UPDATE
                """, logger: logger).collect()
            try await connection.query("""
                UPDATE comments SET name = \(AnonymousAuthor.name), email_hash = NULL, email_sealed = NULL, ip_hash = NULL, url = NULL,
                    user_agent = NULL, updated_at = \(now)
                WHERE email_hash = \(emailHash)
                """, logger: logger)
            for row in rows {
                let (id, status) = try row.decode((Int64, String).self)
                let current = CommentStatus(rawValue: status) ?? .pending
                _ = try await Self.appendEvent(connection, logger, commentID: id, action: AuditAction.forget, from: current, to: current,
                                               actor: actor, note: note, now: now)
            }
            try await connection.query("DELETE FROM authors WHERE email_hash = \(emailHash)", logger: logger)
            return rows.count
        }
    }

    public func purge(cutoffs: [CommentStatus: Date], actor: String, now: Date, dryRun: Bool) async throws -> PurgeOutcome {
        try await transaction { connection, logger in
            var candidates: [Int64: CommentStatus] = [:]
            for (status, cutoff) in cutoffs {
                let rows = try await connection.query("""
                    SELECT id FROM comments WHERE status = \(status.rawValue) AND updated_at < \(cutoff) FOR UPDATE
                    """, logger: logger).collect()
                for row in rows { candidates[try row.decode(Int64.self)] = status }
            }
            // Replies outside the purge set keep their parent (and its parent...).
            var kept = 0
            while true {
                let ids = Array(candidates.keys)
                var pinned = Set<Int64>()
                let rows = try await connection.query("""
                    SELECT id, parent_id FROM comments WHERE parent_id = ANY(\(ids)::int8[])
                    """, logger: logger).collect()
                for row in rows {
                    let (id, parent) = try row.decode((Int64, Int64).self)
                    if candidates[id] == nil { pinned.insert(parent) }
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
                _ = try await Self.appendEvent(connection, logger, commentID: id, action: AuditAction.purge, from: status, to: status,
                                               actor: actor, note: nil, now: now)
                try await connection.query("DELETE FROM comments WHERE id = \(id)", logger: logger)
            }
            return PurgeOutcome(deleted: deleted, keptForReplies: kept)
        }
    }
}
