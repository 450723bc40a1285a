import Foundation
import GRDB
import HakamStore

/// Migrations are plain `NNNN_name.sql` files (top-level `Migrations/`, built into the binary as a
/// resource), applied in file-name order, each in its own transaction, each once.
public struct SQLMigrations: Sendable {
    public let files: [URL]

    public static var bundledDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Migrations")
    }

    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        guard !names.isEmpty else { throw StoreError.noMigrations(directory.path) }
        self.files = names.map { directory.appendingPathComponent($0) }
    }

    public func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in files {
            let sql = try String(contentsOf: file, encoding: .utf8)
            migrator.registerMigration(file.deletingPathExtension().lastPathComponent) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
