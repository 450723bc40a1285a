import ArgumentParser
import Foundation
import HakamCore
import HakamStore

extension GlobalOptions {
    /// Opens a database that must already exist: moderation commands never create an empty
    /// one (a mistyped `--db` would otherwise show an empty queue and say nothing).
    func openExistingDatabase() async throws -> any CommentStore {
        if case .sqlite(let path) = databaseLocation, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at \(path) (check --db or HAKAM_DB; `hakam migrate` creates one)")
        }
        return try await openDatabase()
    }

    /// The privacy keys from an existing key file. Unlike `loadProtector()` it never creates a
    /// key: a new key could neither open sealed emails nor match stored hashes.
    func loadExistingProtector() throws -> PrivacyProtector {
        guard FileManager.default.fileExists(atPath: keyFilePath) else {
            throw CLIError("no key file at \(keyFilePath) (check --key-file or HAKAM_KEY_FILE): emails cannot be revealed or matched without it")
        }
        do {
            return PrivacyProtector(keys: PrivacyKeys(master: try MasterKey.load(at: keyFilePath)))
        } catch {
            throw CLIError("\(error)")
        }
    }
}
