import Foundation
import GRDB

/// A second, independent connection to a test database — what another process (the CLI) would
/// hold — that can keep SQLite's write lock while a test runs.
public struct WriteLockHolder: Sendable {
    let queue: DatabaseQueue

    public init(path: String, busyTimeout: TimeInterval) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.allowsUnsafeTransactions = true  // the lock must outlive one access
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Runs `body` while this connection holds the write lock (BEGIN IMMEDIATE … ROLLBACK).
    public func holdingWriteLock(_ body: () async throws -> Void) async throws {
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
