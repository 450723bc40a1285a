import Foundation
import Testing
import HakamTestSupport

/// `hakam backup` while `hakam serve` takes comments, then `hakam restore` of that copy: every comment
/// acknowledged before the backup started is in the restored database.
@Suite("backup and restore (binary)")
struct BackupRestoreTests {
    let directory: URL
    var databasePath: String { directory.appendingPathComponent("hakam.sqlite").path }
    var policyPath: String { directory.appendingPathComponent("policy.yml").path }

    init() throws {
        directory = try makeTemporaryFolder("hakam-backup")
        try "moderation: none\nflood: {enabled: false}\nrate_limit: {enabled: false}\nduplicates: {enabled: false}\n"
            .write(toFile: policyPath, atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func aBackupTakenUnderLoadRestoresEveryAcknowledgedComment() async throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: directory)
        let server = try ServerProcess(directory: directory, arguments: ["--db", databasePath, "--policy", policyPath],
                                     logPath: directory.appendingPathComponent("serve.log").path)
        let ledger = CrashSafetyTests.Ledger()
        async let load: Void = CrashSafetyTests.load(port: server.port, round: "b", ledger: ledger)

        // Let the load run, then note what was acknowledged before the backup starts.
        while ledger.acknowledged.count < 200 { try await Task.sleep(for: .milliseconds(20)) }
        let acknowledgedBefore = ledger.acknowledged
        let backupPath = directory.appendingPathComponent("copy.sqlite").path
        let backup = try hakam.run(["backup", backupPath, "--db", databasePath, "--with-key"])
        let acknowledgedDuring = ledger.acknowledged.count - acknowledgedBefore.count
        ledger.stop()
        await load
        #expect(server.stop() == 0)

        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("integrity ok") && backup.stdout.contains("comments "))
        #expect(!backup.stderr.contains("WARNING"), "the key was copied")
        #expect(acknowledgedDuring > 0, "the server must have taken comments while the backup ran")
        #expect(try permissions(backupPath) == 0o600)
        #expect(try permissions(backupPath + ".key") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: backupPath + "-wal"), "the copy is one self-contained file")

        // Restore into a new place, as on a new machine: the database and its key come back.
        let restored = directory.appendingPathComponent("restored/hakam.sqlite").path
        try FileManager.default.createDirectory(atPath: (restored as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let restore = try hakam.run(["restore", backupPath, "--db", restored])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: restored + ".key")) == Data(contentsOf: URL(fileURLWithPath: databasePath + ".key")))

        let markers = Set(try await DatabaseProbe(path: restored).bodies(post: "crash").compactMap { $0.split(separator: " ").last.map(String.init) })
        let missing = acknowledgedBefore.filter { !markers.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) of \(acknowledgedBefore.count) acknowledged comments missing from the backup")
        // The restored database works: the moderation CLI reads it with the restored key.
        let stats = try hakam.run(["stats", "--db", restored])
        #expect(stats.status == 0, "\(stats.stderr)")
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func aBackupWithoutTheKeyWarnsAndRestoreRefusesToClobber() throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: directory)
        #expect(try hakam.run(["migrate", "--db", databasePath]).status == 0)
        let folder = directory.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let backup = try hakam.run(["backup", folder.path, "--db", databasePath])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stderr.contains("WARNING: the key file \(databasePath).key is NOT in this backup"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(written.count == 1 && written[0].wholeMatch(of: #/hakam-\d{8}T\d{6}Z\.sqlite/#) != nil, "\(written)")
        let copy = folder.appendingPathComponent(written[0]).path

        let again = try hakam.run(["backup", copy, "--db", databasePath])
        #expect(again.status == 1 && again.stderr.contains("exists already"))

        let clobber = try hakam.run(["restore", copy, "--db", databasePath])
        #expect(clobber.status == 1 && clobber.stderr.contains("exists"))

        try Data("not a database".utf8).write(to: directory.appendingPathComponent("junk.sqlite"))
        let junk = try hakam.run(["restore", directory.appendingPathComponent("junk.sqlite").path, "--db", directory.appendingPathComponent("new.sqlite").path])
        #expect(junk.status == 1 && junk.stderr.contains("not a usable backup"))
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func restoreRefusesWhileTheServerHasTheDatabaseOpen() throws {
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: directory)
        let server = try ServerProcess(directory: directory, arguments: ["--db", databasePath, "--policy", policyPath],
                                     logPath: directory.appendingPathComponent("serve.log").path)
        let copy = directory.appendingPathComponent("copy.sqlite").path
        #expect(try hakam.run(["backup", copy, "--db", databasePath]).status == 0)
        let refused = try hakam.run(["restore", copy, "--db", databasePath, "--force"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("process \(server.process.processIdentifier) has"), "\(refused.stderr)")
        #expect(server.stop() == 0)
        let restored = try hakam.run(["restore", copy, "--db", databasePath, "--force"])
        #expect(restored.status == 0, "\(restored.stderr)")
    }

    private func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
