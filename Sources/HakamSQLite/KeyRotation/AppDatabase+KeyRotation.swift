import Foundation
import GRDB
import HakamCore

/// Moving every keyed value to a new master key (`hakam rotate-key`), in batches that each commit on
/// their own: a sealed email carries the id of the key that sealed it, so a killed run finds what is
/// left by asking which seals are not yet under the new key. Every comment of one identity moves in
/// the same transaction as that identity's author counters and email bans, so no mapping from old to
/// new hash has to survive between batches.
extension AppDatabase {
    public enum KeyRotationError: Error, CustomStringConvertible {
        case cannotOpen(commentID: Int64, reason: String)

        public var description: String {
            switch self {
            case .cannotOpen(let id, let reason):
                "the sealed email of comment \(id) opens with neither key (\(reason)): nothing of that identity was changed"
            }
        }
    }

    /// Sealed emails not yet under `new`'s key.
    public func commentsLeftToRekey(to new: PrivacyProtector) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE email_sealed IS NOT NULL AND hex(substr(email_sealed, 2, 4)) != ?",
                             arguments: [new.keys.keyID.uppercased()]) ?? 0
        }
    }

    /// Re-keys the identities of the next `comments` comments (in id order, after `after`) whose email
    /// is not yet sealed under `new`'s key: opens each sealed email of those identities with `old`, seals
    /// and hashes it again with `new`, and moves the identity's author counters and email bans along.
    /// Pass the batch's `lastID` as the next `after`; a batch with `identities == 0` means none are left.
    public func rekeyEmailBatch(from old: PrivacyProtector, to new: PrivacyProtector, after: Int64, comments: Int) async throws -> KeyRotationBatch {
        let newKeyID = new.keys.keyID.uppercased()
        return try await writer.write { db in
            var batch = KeyRotationBatch()
            // Every stale comment up to the last one read belongs to an identity re-keyed below, so the
            // next batch can start after it; the primary key keeps each look-up a range scan.
            let next = try Row.fetchAll(db, sql: """
                SELECT id, email_hash FROM comments
                WHERE id > ? AND email_sealed IS NOT NULL AND hex(substr(email_sealed, 2, 4)) != ? ORDER BY id LIMIT ?
                """, arguments: [after, newKeyID, comments])
            if let last = next.last { batch.lastID = last["id"] } else { batch.lastID = after }
            var hashes: [String?] = []
            for row in next {
                let hash: String? = row["email_hash"]
                if !hashes.contains(hash) { hashes.append(hash) }
            }
            for oldHash in hashes {
                var newHash: String?
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, email_sealed FROM comments
                    WHERE email_hash IS ? AND email_sealed IS NOT NULL AND hex(substr(email_sealed, 2, 4)) != ?
                    """, arguments: [oldHash, newKeyID])
                for row in rows {
                    let id: Int64 = row["id"]
                    let address: EmailAddress
                    do {
                        address = try EmailAddress(parsing: try old.openSealedEmail(row["email_sealed"]))
                    } catch {
                        throw KeyRotationError.cannotOpen(commentID: id, reason: "\(error)")
                    }
                    let hash = new.emailHash(address)
                    newHash = hash
                    try db.execute(sql: "UPDATE comments SET email_hash = ?, email_sealed = ? WHERE id = ?",
                                   arguments: [hash, new.seal(address), id])
                    batch.comments += 1
                }
                if let oldHash, let newHash, oldHash != newHash {
                    try db.execute(sql: "UPDATE authors SET email_hash = ? WHERE email_hash = ?", arguments: [newHash, oldHash])
                    batch.authors += db.changesCount
                    try db.execute(sql: "UPDATE bans SET value = ? WHERE kind = 'email' AND value = ?", arguments: [newHash, oldHash])
                    batch.emailBans += db.changesCount
                }
                batch.identities += 1
            }
            return batch
        }
    }

    /// After every sealed email is under the new key: clears or lifts what cannot be re-keyed
    /// (see `KeyRotationCleanup`). Idempotent, so a killed run can repeat it.
    public func finishKeyRotation(now: Date, actor: String, batchSize: Int = 5_000) async throws -> KeyRotationCleanup {
        var cleanup = KeyRotationCleanup()
        // In id order, each batch after the last one: no index is keyed by the address alone
        // (0013), so a batch that searched from the start would read every cleared row again.
        var after: Int64 = 0
        while true {
            let first = after
            let (cleared, last) = try await writer.write { db -> (Int, Int64?) in
                let last = try Int64.fetchOne(db, sql: """
                    SELECT max(id) FROM (SELECT id FROM comments WHERE id > ? AND ip_hash IS NOT NULL ORDER BY id LIMIT ?)
                    """, arguments: [first, batchSize])
                guard let last else { return (0, nil) }
                try db.execute(sql: "UPDATE comments SET ip_hash = NULL WHERE id > ? AND id <= ? AND ip_hash IS NOT NULL",
                               arguments: [first, last])
                return (db.changesCount, last)
            }
            cleanup.ipHashesCleared += cleared
            guard let last else { break }
            after = last
        }
        let stamp = DatabaseTimestamp.string(now)
        let note = "lifted by rotate-key: only its hash under the old key was stored; ban the address again"
        let cleared = cleanup.ipHashesCleared
        return try await writer.write { db in
            var cleanup = KeyRotationCleanup(ipHashesCleared: cleared)
            cleanup.ipBansLifted = try Int64.fetchAll(db, sql: "SELECT id FROM bans WHERE kind = 'ip' AND lifted_at IS NULL ORDER BY id")
            cleanup.emailBansLifted = try Int64.fetchAll(db, sql: """
                SELECT id FROM bans WHERE kind = 'email' AND lifted_at IS NULL
                AND value NOT IN (SELECT email_hash FROM comments WHERE email_hash IS NOT NULL) ORDER BY id
                """)
            for id in cleanup.ipBansLifted + cleanup.emailBansLifted {
                try db.execute(sql: "UPDATE bans SET lifted_at = ?, lifted_by = ?, note = ? WHERE id = ?",
                               arguments: [stamp, actor, note, id])
            }
            try db.execute(sql: "UPDATE comments SET email_hash = NULL WHERE email_hash IS NOT NULL AND email_sealed IS NULL")
            cleanup.emailHashesCleared = db.changesCount
            try db.execute(sql: "DELETE FROM authors WHERE email_hash NOT IN (SELECT email_hash FROM comments WHERE email_hash IS NOT NULL)")
            cleanup.authorsDropped = db.changesCount
            return cleanup
        }
    }
}
