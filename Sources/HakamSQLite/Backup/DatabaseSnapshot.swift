import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A consistent copy of a live SQLite database, taken with SQLite's online backup API while other
/// processes (the server) keep writing: the copy is one read transaction's snapshot, so it holds every
/// commit made before the backup started and none half-made. The copy is a single self-contained file
/// (rollback-journal mode, no -wal beside it), mode 0600, written under a temporary name and renamed
/// only once `PRAGMA integrity_check` passes on it.
public enum DatabaseSnapshot {
    /// What was written and checked.
    public struct Report: Sendable, Equatable {
        public let path: String
        public let bytes: Int64
        /// Rows per table of the copy, by table name.
        public let rowCounts: [String: Int]
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case destinationExists(String)
        case integrityCheckFailed(String, String)
        case sourceMissing(String)

        public var description: String {
            switch self {
            case .destinationExists(let path): "\(path) exists already (use --force to replace it)"
            case .integrityCheckFailed(let path, let result): "the copy \(path) failed PRAGMA integrity_check: \(result)"
            case .sourceMissing(let path): "no database at \(path)"
            }
        }
    }

    /// Copies the database at `source` to `destination`.
    public static func copy(from source: String, to destination: String, replacing: Bool = false) throws -> Report {
        guard FileManager.default.fileExists(atPath: source) else { throw Failure.sourceMissing(source) }
        if !replacing, FileManager.default.fileExists(atPath: destination) { throw Failure.destinationExists(destination) }
        let temporary = destination + ".partial-\(getpid())"
        removeDatabaseFiles(temporary)
        defer { removeDatabaseFiles(temporary) }
        PrivateDatabaseFile.createIfMissing(temporary)

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let from = try DatabaseQueue(path: source, configuration: configuration)
        let to = try DatabaseQueue(path: temporary)
        // One step: the whole copy is made inside one read transaction, so it is one consistent snapshot.
        try from.backup(to: to)
        try from.close()
        let counts = try to.writeWithoutTransaction { db -> [String: Int] in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            let result = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            guard result == "ok" else { throw Failure.integrityCheckFailed(destination, result) }
            return try rowCounts(db)
        }
        try to.close()
        try syncFile(temporary)
        if replacing { removeDatabaseFiles(destination) }
        guard rename(temporary, destination) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
        try syncFile((destination as NSString).deletingLastPathComponent.isEmpty ? "." : (destination as NSString).deletingLastPathComponent)
        let size = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value ?? 0
        return Report(path: destination, bytes: size, rowCounts: counts)
    }

    /// Checks an existing copy (`hakam restore` reads it before putting it in place).
    public static func verify(_ path: String) throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure.sourceMissing(path) }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let result = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            guard result == "ok" else { throw Failure.integrityCheckFailed(path, result) }
            return try rowCounts(db)
        }
    }

    static func rowCounts(_ db: Database) throws -> [String: Int] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
        return counts
    }

    /// The database file and SQLite's files beside it.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    private static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }
}
