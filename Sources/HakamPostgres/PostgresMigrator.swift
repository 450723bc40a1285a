import Foundation
import HakamStore
import Logging
import PostgresNIO

/// Applies `NNNN_name.sql` files (this module's `Migrations/`, top-level `Migrations/postgres`)
/// in name order, each once and in its own transaction, under a session advisory lock: nodes
/// and CLIs that start together wait for the first one and then find nothing left to do.
struct PostgresMigrator {
    /// The advisory lock's key: any fixed number the application owns ("hakam" in ASCII).
    static let lockKey: Int64 = 0x68_61_6b_61_6d

    /// One migration: the file name without `.sql`, and its SQL.
    struct Migration: Sendable {
        let name: String
        let sql: String
    }

    let migrations: [Migration]

    /// The migrations built into the binary (the EmbedFiles plugin): every `.sql` file of `Migrations/`.
    static func builtIn() throws -> PostgresMigrator {
        let folder = "Migrations"
        let migrations = EmbeddedFiles.paths(under: folder)
            .filter { $0.hasSuffix(".sql") && !$0.dropFirst(folder.count + 1).contains("/") }
            .compactMap { path in EmbeddedFiles.text(path).map { Migration(name: name(of: path), sql: $0) } }
        guard !migrations.isEmpty else { throw StoreError.noMigrations("(built-in) \(folder)") }
        return PostgresMigrator(migrations: migrations)
    }

    /// The `.sql` files of a folder on disk (`--migrations DIR`).
    init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        guard !names.isEmpty else { throw StoreError.noMigrations(directory.path) }
        migrations = try names.map { file in
            Migration(name: Self.name(of: file), sql: try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
        }
    }

    init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.name < $1.name }
    }

    private static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".sql") ? String(file.dropLast(4)) : file
    }

    func migrate(_ client: PostgresClient, logger: Logger) async throws {
        let migrations = self.migrations
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
            do {
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS hakam_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                    """, logger: logger)
                let applied = Set(try await connection.query("SELECT name FROM hakam_migrations", logger: logger)
                    .collect().map { try $0.decode(String.self) })
                for migration in migrations {
                    let name = migration.name
                    guard !applied.contains(name) else { continue }
                    let statements = Self.statements(in: migration.sql)
                    logger.notice("applying migration", metadata: ["migration": .string(name)])
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        for statement in statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query("INSERT INTO hakam_migrations (name) VALUES (\(name))", logger: logger)
                        try await connection.query("COMMIT", logger: logger)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
        }
    }

    /// A migration file's statements, one per query (the extended protocol takes one at a
    /// time): they end with `;` at the end of a line, outside `$$` function bodies; `--` comment
    /// lines are dropped.
    static func statements(in sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var insideBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !insideBody, trimmed.hasPrefix("--") { continue }
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { insideBody.toggle() }
            if !insideBody, trimmed.hasSuffix(";") {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
