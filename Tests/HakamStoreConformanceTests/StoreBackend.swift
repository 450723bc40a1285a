import Foundation
import HakamPostgres
import HakamSQLite
import HakamStore
import Logging
import PostgresNIO
import Testing

/// The backends every conformance test runs on. PostgreSQL needs a server: `HAKAM_TEST_POSTGRES_URL`
/// (`.ci/postgres.sh start` prints one) names a cluster where the tests may create databases.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL: String? = ProcessInfo.processInfo.environment["HAKAM_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The backends this machine can run: PostgreSQL's cases are left out (and the skip is
    /// reported by `PostgresAvailabilityTests`) when no server is named.
    static var available: [StoreBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// A fresh, empty, migrated store of this kind, and how to throw it away.
    func makeStore() async throws -> TestStore {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path)
            return TestStore(store: store) { try? FileManager.default.removeItem(at: directory) }
        case .postgres:
            let database = try await TestPostgresDatabase.create()
            // A long timeout: the whole suite runs in parallel on a small machine.
            let store: PostgresStore
            do {
                store = try await PostgresStore.open(database.settings, timeout: .seconds(60))
            } catch {
                await database.drop()
                throw error
            }
            return TestStore(store: store) {
                await store.close()
                await database.drop()
            }
        }
    }
}

/// A store under test and its cleanup (call `discard` at the end of the test).
struct TestStore: Sendable {
    let store: any CommentStore
    let discard: @Sendable () async -> Void
}

/// A database of its own for one test, on the cluster `HAKAM_TEST_POSTGRES_URL` names.
struct TestPostgresDatabase: Sendable {
    let name: String
    let admin: PostgresSettings
    var settings: PostgresSettings {
        var settings = admin
        settings.database = name
        return settings
    }

    static func create() async throws -> TestPostgresDatabase {
        let admin = try PostgresSettings(url: StoreBackend.postgresURL!)
        let name = "hakam_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await execute("CREATE DATABASE \(name)", on: admin)
        return TestPostgresDatabase(name: String(name), admin: admin)
    }

    func drop() async {
        try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
    }

    static func execute(_ sql: String, on settings: PostgresSettings) async throws {
        let store = PostgresStore.connect(settings)
        do {
            try await store.execute(sql)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}

extension StoreBackend {
    /// Runs `body` on a fresh store of this backend and discards the store afterwards.
    func withStore(_ body: (StoreFixture) async throws -> Void) async throws {
        let test = try await makeStore()
        do {
            try await body(StoreFixture(store: test.store))
        } catch {
            await test.discard()
            throw error
        }
        await test.discard()
    }
}
