import Foundation
import HakamPostgres
import HakamStore
import Testing

/// Shows in every run whether the PostgreSQL cases ran: skipped (with the reason) when no
/// server is named, and then `StoreConformanceTests` runs on SQLite only.
@Suite struct PostgresAvailabilityTests {
    @Test(.enabled(if: StoreBackend.postgresURL != nil, "SKIPPED: PostgreSQL cases need HAKAM_TEST_POSTGRES_URL (.ci/postgres.sh start)"))
    func postgresServerIsReachableAndAuditLogIsAppendOnly() async throws {
        let database = try await TestPostgresDatabase.create()
        let store = try await PostgresStore.open(database.settings, timeout: .seconds(60))
        let f = StoreFixture(store: store)
        do {
            let id = try await f.add("kept forever")
            await #expect(throws: (any Error).self) { try await store.execute("UPDATE moderation_events SET actor = 'x' WHERE comment_id = \(id)") }
            await #expect(throws: (any Error).self) { try await store.execute("DELETE FROM moderation_events") }
            #expect(try await store.texts("SELECT actor FROM moderation_events") == ["hakam"])
            #expect(try await store.texts("SHOW synchronous_commit") == ["on"])
            // Opening again (another node starting) finds nothing left to migrate.
            let applied = try await store.texts("SELECT string_agg(name, ',' ORDER BY name) FROM hakam_migrations")
            #expect(applied.first??.contains("0003_outbox") == true)
            let second = try await PostgresStore.open(database.settings, timeout: .seconds(60))
            await second.close()
            #expect(try await store.texts("SELECT string_agg(name, ',' ORDER BY name) FROM hakam_migrations") == applied)
        } catch {
            await store.close()
            await database.drop()
            throw error
        }
        await store.close()
        await database.drop()
    }
}
