import ArgumentParser
import Foundation
import HakamCore
import HakamSQLite
import HakamService
import HakamStore

/// Options every command takes. Environment variables are read here, at the edge, and nowhere else.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file, or a postgres://user@host:port/db?sslmode=… URL (env HAKAM_DB).", valueName: "path|url"))
    var db: String?

    @Option(name: .customLong("db-password-file"), help: ArgumentHelp("PostgreSQL: a file holding the password (or env PGPASSWORD; never on the command line).", valueName: "path"))
    var dbPasswordFile: String?

    @Option(name: .customLong("db-timeout"), help: ArgumentHelp("PostgreSQL: seconds to wait for the database before a submission gets 503 (default 5).", valueName: "seconds"))
    var dbTimeout: Int = 5

    @Option(name: .customLong("key-file"), help: ArgumentHelp("Master key file, created 0600 on first use (env HAKAM_KEY_FILE; default: the database path + .key).", valueName: "path"))
    var keyFile: String?

    @Option(name: .long, help: ArgumentHelp("Policy file (env HAKAM_POLICY; default: the shipped policy built into hakam; `hakam init` writes a copy).", valueName: "path"))
    var policy: String?

    @Option(name: .long, help: ArgumentHelp("Folder of NNNN_name.sql migrations (default: the ones built into hakam).", valueName: "dir"))
    var migrations: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    var databasePath: String { db ?? environment["HAKAM_DB"] ?? "./hakam.sqlite" }
    var keyFilePath: String { keyFile ?? environment["HAKAM_KEY_FILE"] ?? databaseLocation.defaultKeyFilePath }
    var databaseLocation: StoreLocation { StoreLocation(databasePath) }
    var policySource: PolicySource { (policy ?? environment["HAKAM_POLICY"]).map(PolicySource.file) ?? .builtIn }

    func openDatabase(durability: AppDatabase.Durability = .normal, submitBatch: Int = 64,
                      backgroundCheckpoints: Bool = false) async throws -> any CommentStore {
        try await StoreFactory(location: databaseLocation, migrations: migrations, passwordFile: dbPasswordFile,
                               timeoutSeconds: max(1, dbTimeout), environment: environment)
            .open(durability: durability, submitBatch: submitBatch, backgroundCheckpoints: backgroundCheckpoints)
    }

    func loadPolicy() throws -> Policy {
        do { return try policySource.load() } catch { throw CLIError(error.description) }
    }

    /// The privacy keys; the key file is created on first use — but never for a database that
    /// already holds hashes or sealed emails: a new key would silently orphan all of them.
    func loadProtector(for database: any CommentStore) async throws -> PrivacyProtector {
        // Half the rows may be under the new key already: running with either key would mix them.
        if FileManager.default.fileExists(atPath: keyFilePath + ".new") {
            throw CLIError("a key rotation is in progress (\(keyFilePath).new exists): finish it with `hakam rotate-key` first")
        }
        if !FileManager.default.fileExists(atPath: keyFilePath) {
            let keyed = try await database.keyedRowCount()
            if keyed > 0 {
                throw CLIError("the key file \(keyFilePath) is missing, but the database \(databaseLocation.displayName) holds \(keyed) rows hashed or sealed with a key: restore the key file from your backup (check --key-file or HAKAM_KEY_FILE); a new key would orphan every stored email")
            }
        }
        let protector: PrivacyProtector
        do {
            protector = PrivacyProtector(keys: PrivacyKeys(master: try MasterKey.loadOrCreate(at: keyFilePath)))
        } catch {
            throw CLIError("\(error)")
        }
        do {
            try await database.checkKey(fingerprint: CommentProtection(protector: protector).keyFingerprint)
        } catch StoreError.keyMismatch {
            throw CLIError("the key file \(keyFilePath) is not the one the database \(databaseLocation.displayName) was made with: every node must use the same key file (copy it from the first node or your backup)")
        }
        if let sealed = try await database.sampleSealedEmail(), (try? protector.openSealedEmail(sealed)) == nil {
            throw CLIError("the key file \(keyFilePath) does not open the emails stored in \(databaseLocation.displayName): it is not the key they were written with (restore the right key file from your backup)")
        }
        return protector
    }
}
