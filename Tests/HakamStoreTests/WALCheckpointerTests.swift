import Foundation
import GRDB
@testable import HakamStore
import Testing
@testable import HakamSQLite

/// The server checkpoints the WAL in the background; the file must still be copied back into the
/// database and the WAL must stay bounded when the background cannot keep up.
@Suite("WAL checkpoints off the writer")
struct WALCheckpointerTests {
    let directory: URL
    var path: String { directory.appendingPathComponent("hakam.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// `transactions` commits of `pages` fresh 4 KiB pages each.
    func write(_ database: AppDatabase, transactions: Int, pages: Int) async throws {
        try await database.writer.write { db in try db.execute(sql: "CREATE TABLE IF NOT EXISTS filler (b BLOB)") }
        for _ in 0..<transactions {
            try await database.writer.write { db in
                for _ in 0..<pages { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(4000))") }
            }
        }
    }

    @Test func aBackgroundCheckpointCopiesTheWALIntoTheDatabase() async throws {
        let database = try AppDatabase(path: path, backgroundCheckpoints: true)
        let checkpointer = try #require(database.checkpointer)
        let before = size(path)
        try await write(database, transactions: 30, pages: 50)   // ≈ 1,500 frames, past the 1,000 threshold
        let deadline = Date().addingTimeInterval(20)
        while checkpointer.completed.load(ordering: .relaxed) == 0, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(checkpointer.completed.load(ordering: .relaxed) >= 1)
        // The first checkpoint starts at 1,000 frames; some are newer copies of the same page.
        #expect(size(path) > before + 500 * 4_096, "the pages reached the database file")
        let rows = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") }
        #expect(rows == 1_500)
    }

    @Test func theWriterCheckpointsItselfPastTheInlineLimit() async throws {
        // Background checkpoints that never start (as when they cannot get a core): the writer's
        // own checkpoint past the inline limit is all that keeps the WAL from growing.
        let checkpointer = WALCheckpointer(path: path, backgroundFrames: .max, inlineFrames: 500)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { checkpointer.install(on: db) }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { db in try db.execute(sql: "CREATE TABLE filler (b BLOB)") }
        for _ in 0..<150 {
            try await pool.write { db in
                for _ in 0..<20 { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(4000))") }
            }
        }
        // 3,000 frames written; the WAL restarts after each inline checkpoint.
        let walLimit = (500 + 2 * 20 + 50) * (4_096 + 24)
        #expect(size(path + "-wal") < walLimit, "WAL \(size(path + "-wal")) bytes, limit \(walLimit)")
        #expect(checkpointer.completed.load(ordering: .relaxed) == 0, "no background checkpoint ran")
        #expect(size(path) > 2_000 * 4_096, "the inline checkpoints reached the database file")
    }

    @Test func theWALShrinksBackAfterABurst() async throws {
        // The server's limits scaled down: the burst must outgrow the WAL size limit.
        let database = try AppDatabase(path: path, checkpointer: WALCheckpointer(
            path: path, inlineFrames: 4_000, walSizeLimit: 16 * 1024 * 1024))
        try await write(database, transactions: 1, pages: 6_000)   // one 24 MB transaction
        #expect(size(path + "-wal") > 20 * 1024 * 1024)
        // Once a checkpoint has copied the burst, the next write restarts the WAL and truncates it
        // to journal_size_limit.
        let limit = 16 * 1024 * 1024 + 2 * (4_096 + 24)
        let deadline = Date().addingTimeInterval(20)
        repeat {
            try await write(database, transactions: 1, pages: 1)
            if size(path + "-wal") <= limit { break }
            try await Task.sleep(for: .milliseconds(20))
        } while Date() < deadline
        #expect(size(path + "-wal") <= limit)
    }

    @Test func theServersWALMayGrowToItsInlineLimitWithoutBeingCut() async throws {
        let server = try AppDatabase(path: path, backgroundCheckpoints: true)
        let checkpointer = try #require(server.checkpointer)
        let limit = try await server.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA journal_size_limit") }
        #expect(limit == checkpointer.walSizeLimit)
        #expect(limit ?? 0 >= Int(checkpointer.inlineFrames) * 4_096, "a WAL at the inline limit fits under the size limit")
        let cli = try await AppDatabase(path: path).writer.write { db in try Int.fetchOne(db, sql: "PRAGMA journal_size_limit") }
        #expect(cli == 16 * 1024 * 1024)
    }

    @Test func theCLIKeepsSQLitesOwnCheckpoints() throws {
        let database = try AppDatabase(path: path)
        #expect(database.checkpointer == nil)
    }
}
