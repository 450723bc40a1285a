import Foundation
import HakamSQLite

extension GlobalOptions {
    /// The SQLite file for the commands that work on the file itself (backup, restore, rotate-key);
    /// on PostgreSQL those jobs belong to the database's own tools.
    func sqlitePath(for command: String) throws -> String {
        switch databaseLocation {
        case .sqlite(let path): return path
        case .postgres:
            throw CLIError("`hakam \(command)` works on a SQLite database; on PostgreSQL use pg_dump / pg_basebackup (see docs/postgres.md)")
        }
    }

    /// The SQLite database itself (not the backend-neutral store), migrated.
    func openSQLiteDatabase(for command: String) throws -> AppDatabase {
        let path = try sqlitePath(for: command)
        do {
            return try AppDatabase(path: path, migrations: migrations.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CLIError("cannot open the database \(path): \(error)")
        }
    }
}
