import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HakamCore
import HakamSQLite
import HakamStore

/// `hakam restore SRC`: puts a backup in place of the database (`--db`), with the server stopped.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the database (stop the server first).",
        discussion: """
            Checks the backup (integrity_check), refuses while another process has the database open, \
            replaces the database file and removes its stale -wal/-shm, restores SRC.key to the key file \
            when the backup has one, migrates, and checks that the key file opens the stored emails.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup file (from `hakam backup`).") var source: String
    @Flag(help: "Replace an existing database (and a different key file).") var force = false

    func run() async throws {
        let target = try global.sqlitePath(for: "restore")
        do {
            _ = try DatabaseSnapshot.verify(source)
        } catch {
            throw CLIError("\(source) is not a usable backup: \(error)")
        }
        if let pid = DatabaseUsers.otherProcess(using: target) {
            throw CLIError("process \(pid) has \(target) open: stop the server (and any hakam command) first")
        }
        if !force, FileManager.default.fileExists(atPath: target) {
            throw CLIError("\(target) exists: nothing restored (--force replaces it; take a backup of it first if unsure)")
        }
        try restoreKey()
        let report: DatabaseSnapshot.Report
        do {
            report = try DatabaseSnapshot.copy(from: source, to: target, replacing: true)
        } catch {
            throw CLIError("restore failed: \(error)")
        }
        let database = try global.openSQLiteDatabase(for: "restore")
        let protector = try await global.loadProtector(for: database)
        if let sealed = try await database.sampleSealedEmail() {
            do { _ = try protector.openSealedEmail(sealed) } catch {
                throw CLIError("restored \(target), but the key file \(global.keyFilePath) does not open its stored emails: put back the key file from the time of the backup")
            }
        }
        let counts = report.rowCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("restored \(target) from \(source) (integrity ok, migrated)")
        print("rows: \(counts)")
    }

    /// A backup taken with --with-key has SRC.key: it becomes the key file.
    private func restoreKey() throws {
        let backupKey = source + ".key"
        guard FileManager.default.fileExists(atPath: backupKey) else { return }
        let key: MasterKey
        do { key = try MasterKey.load(at: backupKey) } catch { throw CLIError("\(backupKey): \(error)") }
        let keyFile = global.keyFilePath
        if let current = try? MasterKey.load(at: keyFile) {
            if current.bytes == key.bytes { return }
            guard force else {
                throw CLIError("the key file \(keyFile) differs from \(backupKey): nothing restored (--force replaces it; keep a copy of the current one)")
            }
            unlink(keyFile)
        }
        do {
            guard try key.writeNew(to: keyFile) else { throw CLIError("\(keyFile) appeared while restoring: nothing restored") }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot write the key file \(keyFile): \(error)")
        }
    }
}
