import Foundation
import GRDB
import HakamSQLite

/// A second, independent connection to a test database: what another process (the CLI) would hold.
struct AppDatabaseFixture {
    let queue: DatabaseQueue

    static func open(path: String, busyTimeout: TimeInterval) throws -> AppDatabaseFixture {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.allowsUnsafeTransactions = true  // the lock must outlive one access
        return AppDatabaseFixture(queue: try DatabaseQueue(path: path, configuration: configuration))
    }

    /// Runs `body` while this connection holds SQLite's write lock (BEGIN IMMEDIATE … ROLLBACK).
    func holdingWriteLock(_ body: () async throws -> Void) async throws {
        try queue.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        do {
            try await body()
        } catch {
            try? queue.inDatabase { try $0.execute(sql: "ROLLBACK") }
            throw error
        }
        try queue.inDatabase { try $0.execute(sql: "ROLLBACK") }
    }
}
