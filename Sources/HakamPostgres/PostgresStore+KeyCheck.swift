import Foundation
import HakamStore
import PostgresNIO

extension PostgresStore {
    public func sampleSealedEmail() async throws -> Data? {
        let rows = try await rows("SELECT email_sealed FROM comments WHERE email_sealed IS NOT NULL ORDER BY id DESC LIMIT 1")
        return try rows.first?.decode(Data.self)
    }
}
