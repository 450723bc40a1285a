import Foundation
import GRDB
import HakamStore

/// Migrations are plain `NNNN_name.sql` files (this module's `Migrations/` folder, built into the
/// binary by the EmbedFiles plugin), applied in file-name order, each in its own transaction, each once.
public struct SQLMigrations: Sendable {
    /// One migration: its identifier (the file name without `.sql`) and its SQL.
    public struct Migration: Sendable, Equatable {
        public let identifier: String
        public let sql: String
    }

    /// The folder of this module's sources whose `.sql` files are the built-in migrations.
    static let builtInFolder = "Migrations"

    public let migrations: [Migration]

    /// The migrations built into the binary: every `.sql` file directly in `builtInFolder`.
    public static func builtIn() throws -> SQLMigrations {
        let paths = EmbeddedFiles.paths(under: builtInFolder)
            .filter { $0.hasSuffix(".sql") && !$0.dropFirst(builtInFolder.count + 1).contains("/") }
        let migrations = paths.compactMap { path in
            EmbeddedFiles.text(path).map { Migration(identifier: Self.identifier(of: path), sql: $0) }
        }
        guard !migrations.isEmpty else { throw StoreError.noMigrations("(built-in) \(builtInFolder)") }
        return SQLMigrations(migrations: migrations)
    }

    /// The `.sql` files of a folder on disk (`--migrations DIR`).
    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        guard !names.isEmpty else { throw StoreError.noMigrations(directory.path) }
        self.migrations = try names.map { name in
            Migration(identifier: Self.identifier(of: name),
                      sql: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.identifier < $1.identifier }
    }

    public func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    private static func identifier(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".sql") ? String(name.dropLast(4)) : name
    }
}
