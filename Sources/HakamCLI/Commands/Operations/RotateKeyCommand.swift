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

/// `hakam rotate-key`: every sealed email and identity hash moved to a new master key, with the server
/// stopped. Resumable: the new key is written first to KEYFILE.new, and a run that stops anywhere is
/// continued by running the command again.
struct RotateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Move stored emails and identity hashes to a new key file (stop the server first).",
        discussion: """
            Writes a new key to KEYFILE.new, re-seals every stored email and re-hashes every email identity \
            (comments, author history, email bans) in batches, clears IP hashes and lifts IP bans (Hakam never \
            stores the address, so no key can recompute them), then renames the old key to \
            KEYFILE.retired-DATE and the new one to KEYFILE. Killed or failed midway: run it again. While \
            KEYFILE.new exists, no other hakam command starts.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("batch"), help: "Comments per transaction.") var batchSize = 500
    @Option(name: .customLong("as"), help: "Who lifts the bans that cannot be carried over (default: $USER).") var actor: String?

    func validate() throws {
        guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch must be between 1 and 100000") }
    }

    func run() async throws {
        let keyFile = global.keyFilePath
        let newKeyFile = keyFile + ".new"
        let manager = FileManager.default
        try refuseIfInUse()

        if !manager.fileExists(atPath: keyFile) {
            // A run that stopped between its two renames: the old key is retired, the new one not yet in place.
            guard manager.fileExists(atPath: newKeyFile) else { throw CLIError("no key file at \(keyFile): nothing to rotate") }
            try finishSwap(newKeyFile: newKeyFile, keyFile: keyFile, retired: nil)
            return
        }
        let old: MasterKey, new: MasterKey
        do {
            old = try MasterKey.load(at: keyFile)
            if manager.fileExists(atPath: newKeyFile) {
                new = try MasterKey.load(at: newKeyFile)
                print("resuming the rotation started earlier (\(newKeyFile) exists)")
            } else {
                let fresh = MasterKey.generate()
                guard try fresh.writeNew(to: newKeyFile) else { throw CLIError("\(newKeyFile) appeared meanwhile: run rotate-key again") }
                new = fresh
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
        let oldProtector = PrivacyProtector(master: old), newProtector = PrivacyProtector(master: new)
        guard oldProtector.keys.keyID != newProtector.keys.keyID else { throw CLIError("\(newKeyFile) holds the current key: remove it and run again") }

        let database = try global.openSQLiteDatabase(for: "rotate-key")
        let total = try await database.commentsLeftToRekey(to: newProtector)
        print("re-keying \(total) comments' emails in batches of \(batchSize)")
        var done = KeyRotationBatch()
        var after: Int64 = 0
        while true {
            let batch: KeyRotationBatch
            do {
                batch = try await database.rekeyEmailBatch(from: oldProtector, to: newProtector, after: after, comments: batchSize)
            } catch {
                throw CLIError("rotation stopped, nothing lost (run rotate-key again once fixed): \(error)")
            }
            if batch.identities == 0 { break }
            after = batch.lastID
            done.identities += batch.identities
            done.comments += batch.comments
            done.authors += batch.authors
            done.emailBans += batch.emailBans
            print("  \(done.comments) of \(total) comments (\(done.identities) identities)")
        }
        let left = try await database.commentsLeftToRekey(to: newProtector)
        guard left == 0 else { throw CLIError("\(left) comments are still sealed under another key (written meanwhile?): run rotate-key again") }
        let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "rotate-key"
        let cleanup = try await database.finishKeyRotation(now: Date(), actor: who)
        if let sealed = try await database.sampleSealedEmail() {
            do { _ = try newProtector.openSealedEmail(sealed) } catch { throw CLIError("check failed, the old key stays in place: \(error)") }
        }
        try refuseIfInUse()
        try finishSwap(newKeyFile: newKeyFile, keyFile: keyFile, retired: keyFile + ".retired-" + FileStamp.string(Date()))

        print("re-keyed \(done.comments) comments of \(done.identities) identities, \(done.authors) author histories, \(done.emailBans) email bans")
        print("cleared \(cleanup.ipHashesCleared) IP hashes, \(cleanup.emailHashesCleared) email hashes without a sealed email; dropped \(cleanup.authorsDropped) author histories with no comment left")
        for (kind, ids) in [("IP", cleanup.ipBansLifted), ("email", cleanup.emailBansLifted)] where !ids.isEmpty {
            print("LIFTED \(ids.count) \(kind) bans (only their old-key hash was stored): ids \(ids.map(String.init).joined(separator: ", ")); ban those addresses again")
        }
    }

    /// The old key is kept, renamed: it still opens backups taken before the rotation, and nothing else.
    private func finishSwap(newKeyFile: String, keyFile: String, retired: String?) throws {
        if let retired, rename(keyFile, retired) != 0 {
            throw CLIError("cannot rename \(keyFile) to \(retired): \(String(cString: strerror(errno)))")
        }
        guard rename(newKeyFile, keyFile) == 0 else {
            throw CLIError("cannot rename \(newKeyFile) to \(keyFile): \(String(cString: strerror(errno))); run rotate-key again")
        }
        print("the key file \(keyFile) is the new key; start the server again")
        if let retired {
            print("the old key is \(retired): it opens only backups taken before now; delete it with the last of them")
        }
    }

    private func refuseIfInUse() throws {
        if let pid = DatabaseUsers.otherProcess(using: try global.sqlitePath(for: "rotate-key")) {
            throw CLIError("process \(pid) has \(global.databasePath) open: stop the server (and any hakam command) first")
        }
    }
}
