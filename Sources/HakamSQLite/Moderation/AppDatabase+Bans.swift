import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// The standing ban that refuses this author at `now`, if any. For the submit path: call it
    /// inside the write transaction, before storing, and answer 403 when it returns a ban.
    ///
    /// - emailHash, ipHash: `PrivacyProtector.emailHash` / `ipHash` of the sender.
    /// - emailDomain: the address's domain, preferably `EmailAddress.asciiDomain`; a ban on a
    ///   domain also matches its subdomains.
    /// - name: the name as submitted (compared trimmed, whitespace-collapsed, lower-cased).
    ///
    /// One indexed lookup per candidate value on a small table.
    public static func activeBan(_ db: Database, emailHash: String?, ipHash: String?, emailDomain: String?, name: String?, now: Date) throws -> BanRecord? {
        // Most sites have no standing ban most of the time: one indexed probe then skips the
        // normalizing and the per-kind lookups below.
        let anyStanding = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM bans WHERE lifted_at IS NULL LIMIT 1")) ?? false
        guard anyStanding else { return nil }
        var candidates: [(BanKind, String)] = []
        if let emailHash { candidates.append((.email, emailHash)) }
        if let ipHash { candidates.append((.ip, ipHash)) }
        if let emailDomain {
            let ascii = (try? BanKind.normalizedDomain(emailDomain)) ?? emailDomain.lowercased()
            candidates += BanKind.domainAndParents(ascii).map { (.domain, $0) }
        }
        if let name {
            let normalized = BanKind.normalizedName(name)
            if !normalized.isEmpty { candidates.append((.name, normalized)) }
        }
        for (kind, value) in candidates {
            if let ban = try BanRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM bans WHERE kind = ? AND value = ? AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                """), arguments: [kind, value, DatabaseTimestamp.string(now)]) {
                return ban
            }
        }
        return nil
    }

    /// Convenience outside a transaction (tests, tools).
    public func activeBan(emailHash: String?, ipHash: String?, emailDomain: String?, name: String?, now: Date) async throws -> BanRecord? {
        try await writer.read { db in
            try Self.activeBan(db, emailHash: emailHash, ipHash: ipHash, emailDomain: emailDomain, name: name, now: now)
        }
    }

    /// Bans `value` (already hashed or normalized for its kind). Banning a value that already has
    /// a standing ban updates that ban's expiry, note and actor instead of adding a second one.
    public func ban(kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome {
        try await writer.write { db in try Self.ban(db, kind: kind, value: value, expiresAt: expiresAt, note: note, actor: actor, now: now) }
    }

    static func ban(_ db: Database, kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, now: Date) throws -> BanOutcome {
        if var standing = try BanRecord.filter(sql: "kind = ? AND value = ? AND lifted_at IS NULL", arguments: [kind, value]).fetchOne(db) {
            standing.expiresAt = expiresAt
            standing.note = note ?? standing.note
            standing.actor = actor
            try standing.update(db)
            return BanOutcome(ban: standing, isNew: false)
        }
        var ban = BanRecord(kind: kind, value: value, expiresAt: expiresAt, note: note, actor: actor, createdAt: now)
        try ban.insert(db)
        return BanOutcome(ban: ban, isNew: true)
    }

    /// Bans the author of a comment by the email hash stored with it (the moderator need not
    /// know the address). Throws `authorUnknown` for a forgotten author.
    public func banAuthor(ofComment commentID: Int64, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT email_hash FROM comments WHERE id = ?", arguments: [commentID]) else {
                throw ModerationError.commentNotFound(commentID)
            }
            guard let hash: String = row["email_hash"] else { throw ModerationError.authorUnknown(commentID) }
            return try Self.ban(db, kind: .email, value: hash, expiresAt: expiresAt, note: note ?? "author of #\(commentID)", actor: actor, now: now)
        }
    }

    /// Lifts the standing ban on `value` (kept in the table as lifted). Expired bans can be
    /// lifted too, which only tidies the list.
    public func unban(kind: BanKind, value: String, actor: String, now: Date) async throws -> BanRecord {
        try await writer.write { db in
            guard var standing = try BanRecord.filter(sql: "kind = ? AND value = ? AND lifted_at IS NULL", arguments: [kind, value]).fetchOne(db) else {
                throw ModerationError.banNotFound(kind.rawValue + " " + (kind == .email || kind == .ip ? "(hashed)" : value))
            }
            standing.liftedAt = now
            standing.liftedBy = actor
            try standing.update(db)
            return standing
        }
    }

    /// Lifts a ban by its id.
    public func unban(id: Int64, actor: String, now: Date) async throws -> BanRecord {
        try await writer.write { db in
            guard var standing = try BanRecord.filter(sql: "id = ? AND lifted_at IS NULL", arguments: [id]).fetchOne(db) else {
                throw ModerationError.banNotFound("#\(id)")
            }
            standing.liftedAt = now
            standing.liftedBy = actor
            try standing.update(db)
            return standing
        }
    }

    /// Bans newest first: in force at `now` only, or all of them (expired and lifted too).
    public func bans(includeInactive: Bool, now: Date) async throws -> [BanRecord] {
        try await writer.read { db in
            if includeInactive {
                return try BanRecord.order(BanRecord.Columns.id.desc).fetchAll(db)
            }
            return try BanRecord.fetchAll(db, sql: """
                SELECT * FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?) ORDER BY id DESC
                """, arguments: [now])
        }
    }
}
