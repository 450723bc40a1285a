import Foundation
import HakamPostgres
import HakamSQLite
import HakamStore
import Logging

/// Opens the store `--db` names, migrated and ready: SQLite for a file path, PostgreSQL for a
/// `postgres://` URL. Errors name the database without its password.
struct StoreFactory {
    let location: StoreLocation
    /// `--migrations`: a folder replacing the built-in migrations of the chosen backend.
    let migrations: String?
    let passwordFile: String?
    let timeoutSeconds: Int
    let environment: [String: String]

    func open(durability: AppDatabase.Durability, submitBatch: Int, backgroundCheckpoints: Bool) async throws -> any CommentStore {
        switch location {
        case .sqlite(let path):
            do {
                return try AppDatabase(path: path, migrations: migrations.map { URL(fileURLWithPath: $0) },
                                       durability: durability, submitBatch: submitBatch,
                                       backgroundCheckpoints: backgroundCheckpoints)
            } catch {
                throw CLIError("cannot open the database \(path): \(error)")
            }
        case .postgres(let url):
            let settings: PostgresSettings
            do {
                settings = try PostgresSettings(url: url, password: try password())
            } catch let error as PostgresSettingsError {
                throw CLIError("bad database URL \(location.displayName): \(error)")
            }
            do {
                return try await PostgresStore.open(settings, migrations: migrations.map { URL(fileURLWithPath: $0) },
                                                    timeout: .seconds(timeoutSeconds))
            } catch {
                throw CLIError("cannot open the database \(settings): \(Self.describe(error))")
            }
        }
    }

    /// The password when the URL has none: `--db-password-file` (first line), else `PGPASSWORD`.
    private func password() throws -> String? {
        if let passwordFile {
            do {
                let text = try String(contentsOfFile: passwordFile, encoding: .utf8)
                return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            } catch {
                throw CLIError("cannot read the password file \(passwordFile)")
            }
        }
        return environment["PGPASSWORD"]
    }

    /// Driver errors can quote the statement or the connection settings: only the store's own
    /// errors are shown in full, others by type.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: error.description
        case let error as PostgresServerError: error.description
        default: "\(type(of: error)) (is the server running and the URL right?)"
        }
    }
}
