import Foundation
import HakamSQLite

/// A migrated SQLite database in a folder of its own, removed with the folder when the value goes
/// away: each test gets one, so tests run in parallel without sharing a file.
public final class TemporaryDatabase: Sendable {
    public let directory: URL
    public let path: String
    public let database: AppDatabase

    /// - Parameters:
    ///   - prefix: names the folder under the system temporary directory (for a reader of `/tmp`).
    ///   - busyTimeout: how long a write waits for another connection's lock.
    public init(prefix: String = "hakam-test", busyTimeout: TimeInterval = 5) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("hakam.sqlite").path
        database = try AppDatabase(path: path, busyTimeout: busyTimeout)
    }

    /// Where the CLI and the server look for the key of this database by default.
    public var keyPath: String { path + ".key" }

    /// Typed reads of what is stored.
    public var probe: DatabaseProbe { DatabaseProbe(database) }

    /// Writes that go around the store API (bulk data, tricky rows, damage).
    public var raw: RawRows { RawRows(database) }

    /// Every byte of the database files (main file, WAL, shared memory), for privacy scans.
    public func fileBytes() -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { all.append(data) }
        }
        return all
    }

    /// Removes the folder now (also done on deinit).
    public func remove() { try? FileManager.default.removeItem(at: directory) }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
