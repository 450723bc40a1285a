import Foundation
import GRDB

extension AppDatabase {
    /// One stored sealed email, to test that a key file is the one the database was written with.
    public func sampleSealedEmail() async throws -> Data? {
        try await writer.read { db in
            try Data.fetchOne(db, sql: "SELECT email_sealed FROM comments WHERE email_sealed IS NOT NULL ORDER BY id DESC LIMIT 1")
        }
    }
}
