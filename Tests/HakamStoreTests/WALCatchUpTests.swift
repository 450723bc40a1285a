import Foundation
import GRDB
@testable import HakamStore
import Testing

/// Background checkpoints catch up with a writer that keeps committing, so the writer restarts
/// the log by itself: the WAL stays small with no inline checkpoint at all.
@Suite("WAL checkpoints catch up")
struct WALCatchUpTests {
    @Test func theLogRestartsWithoutTheWriterCheckpointing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-wal-catch-up-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hakam.sqlite").path
        // Never inline; the WAL file is cut back to 1 MiB whenever the log restarts.
        let checkpointer = WALCheckpointer(path: path, backgroundFrames: 100, inlineFrames: .max, walSizeLimit: 1 << 20)
        let database = try AppDatabase(path: path, checkpointer: checkpointer)
        try await database.writer.write { db in try db.execute(sql: "CREATE TABLE filler (b BLOB)") }
        // Commits with short gaps between them, as a server's between two group commits, until the
        // log has grown past 2 MiB and then been found cut back (a restart), or 30 s pass.
        var grew = false, restarted = false, commits = 0
        let deadline = Date().addingTimeInterval(30)
        while !restarted, Date() < deadline {
            try await database.writer.write { db in try db.execute(sql: "INSERT INTO filler VALUES (randomblob(3000))") }
            commits += 1
            let wal = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
            if wal > 2 << 20 { grew = true } else if grew, wal <= 1 << 20 { restarted = true }
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(grew && restarted, "the log never restarted (\(commits) commits)")
        #expect(checkpointer.completed.load(ordering: .relaxed) >= 1)
        let rows = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") }
        #expect(rows == commits)
    }
}
