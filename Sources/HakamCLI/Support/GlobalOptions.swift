import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// Options every command takes. Environment variables are read here, at the edge, and nowhere else.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (env HAKAM_DB).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp("Master key file, created 0600 on first use (env HAKAM_KEY_FILE; default: the database path + .key).", valueName: "path"))
    var keyFile: String?

    @Option(name: .long, help: ArgumentHelp("Policy file (env HAKAM_POLICY; default: the shipped policy built into hakam; `hakam init` writes a copy).", valueName: "path"))
    var policy: String?

    @Option(name: .long, help: ArgumentHelp("Folder of NNNN_name.sql migrations (default: the ones built into hakam).", valueName: "dir"))
    var migrations: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    var databasePath: String { db ?? environment["HAKAM_DB"] ?? "./hakam.sqlite" }
    var keyFilePath: String { keyFile ?? environment["HAKAM_KEY_FILE"] ?? databasePath + ".key" }
    var policySource: PolicySource { (policy ?? environment["HAKAM_POLICY"]).map(PolicySource.file) ?? .builtIn }

    func openDatabase(durability: AppDatabase.Durability = .normal, submitBatch: Int = 64,
                      backgroundCheckpoints: Bool = false) throws -> AppDatabase {
        do {
            return try AppDatabase(path: databasePath, migrations: migrations.map { URL(fileURLWithPath: $0) },
                                   durability: durability, submitBatch: submitBatch,
                                   backgroundCheckpoints: backgroundCheckpoints)
        } catch {
            throw CLIError("cannot open the database \(databasePath): \(error)")
        }
    }

    func loadPolicy() throws -> Policy {
        do { return try policySource.load() } catch { throw CLIError(error.description) }
    }

    /// The privacy keys; the key file is created on first use — but never for a database that
    /// already holds hashes or sealed emails: a new key would silently orphan all of them.
    func loadProtector(for database: AppDatabase) async throws -> PrivacyProtector {
        // Half the rows may be under the new key already: running with either key would mix them.
        if FileManager.default.fileExists(atPath: keyFilePath + ".new") {
            throw CLIError("a key rotation is in progress (\(keyFilePath).new exists): finish it with `hakam rotate-key` first")
        }
        if !FileManager.default.fileExists(atPath: keyFilePath) {
            let keyed = try await database.keyedRowCount()
            if keyed > 0 {
                throw CLIError("the key file \(keyFilePath) is missing, but the database \(databasePath) holds \(keyed) rows hashed or sealed with a key: restore the key file from your backup (check --key-file or HAKAM_KEY_FILE); a new key would orphan every stored email")
            }
        }
        do {
            return PrivacyProtector(keys: PrivacyKeys(master: try MasterKey.loadOrCreate(at: keyFilePath)))
        } catch {
            throw CLIError("\(error)")
        }
    }
}
