import GRDB
import HakamStore

extension AppDatabase {
    /// How many rows hold values made with the master key (email/IP hashes, sealed emails,
    /// email and IP bans). Non-zero means a new key would orphan them: the key file must be restored,
    /// not recreated.
    public func keyedRowCount() async throws -> Int {
        try await writer.read { db in
            let comments = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM comments
                WHERE email_hash IS NOT NULL OR ip_hash IS NOT NULL OR email_sealed IS NOT NULL
                """) ?? 0
            let bans = try Int.fetchOne(db, sql: "SELECT count(*) FROM bans WHERE kind IN ('email', 'ip')") ?? 0
            return comments + bans
        }
    }
}
