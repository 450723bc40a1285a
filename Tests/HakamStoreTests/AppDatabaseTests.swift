import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("AppDatabase")
struct AppDatabaseTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("hakam.sqlite").path }

    func newComment(email: String = "hash-a", ip: String? = "ip-a", body: String = "hello", post: String = "p", parent: Int64? = nil, at date: Date = Date()) -> NewComment {
        NewComment(postKey: post, parentID: parent, name: "n", url: nil, body: body, emailHash: email, emailSealed: Data([1, 2, 3]),
                   ipHash: ip, userAgent: "ua", bodyDigest: SHA256Digest.hex(body), createdAt: date)
    }

    func verdict(_ action: ModerationAction = .hold) -> Verdict {
        Verdict(action: action, score: 1, reasons: [Reason(code: "test.reason", weight: 1)], policyVersion: "v1")
    }

    @Test func migratesInWALModeAndRecordsEveryMigration() async throws {
        let database = try AppDatabase(path: path)
        let (mode, applied) = try await database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(mode == "wal")
        #expect(applied == ["0001_initial"] || applied.first == "0001_initial")
        // Opening again applies nothing twice.
        _ = try AppDatabase(path: path)
    }

    @Test func aSubmissionWritesTheCommentAndItsFirstEventTogether() async throws {
        let database = try AppDatabase(path: path)
        let (record, _) = try await database.submit(newComment()) { _ in verdict() }
        let id = try #require(record.id)
        let events = try await database.events(commentID: id)
        #expect(events.count == 1)
        #expect(events[0].actor == "hakam")
        #expect(events[0].fromStatus == nil)
        #expect(events[0].toStatus == .pending)
        #expect(events[0].note == "test.reason")
        let stored = try #require(try await database.comment(id: id))
        #expect(stored.reasons.contains("test.reason"))
        #expect(stored.policyVersion == "v1")
    }

    @Test func aRejectedDecisionLeavesNothingBehind() async throws {
        let database = try AppDatabase(path: path)
        await #expect(throws: Rejection.duplicate) {
            try await database.submit(newComment()) { _ in throw Rejection.duplicate }
        }
        let counts = try await database.writer.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM comments"), try Int.fetchOne(db, sql: "SELECT count(*) FROM moderation_events"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM posts"), try Int.fetchOne(db, sql: "SELECT count(*) FROM authors")]
        }
        #expect(counts == [0, 0, 0, 0])
    }

    @Test func historyIsReadInsideTheWrite() async throws {
        let database = try AppDatabase(path: path)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let (first, _) = try await database.submit(newComment(at: t0)) { history in
            #expect(history == AuthorHistory())
            return verdict(.approve)
        }
        _ = try await database.submit(newComment(email: "hash-b", ip: "ip-a", body: "other", at: t0.addingTimeInterval(3))) { history in
            #expect(history.lastCommentAt == t0, "same IP hash")
            #expect(history.approvedCount == 0, "different author")
            return verdict()
        }
        _ = try await database.submit(newComment(ip: "ip-z", body: "hello", at: t0.addingTimeInterval(10))) { history in
            #expect(history.approvedCount == 1)
            #expect(history.hasDuplicate)
            #expect(history.lastCommentAt == t0)
            return verdict(.spam)
        }
        let author = try await database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM authors WHERE email_hash = 'hash-a'") }
        #expect(author?["approved_count"] == 1)
        #expect(author?["spam_count"] == 1)
        #expect(author?["comment_count"] == 2)
        #expect(first.id == 1)
    }

    @Test func aReplyNeedsAnApprovedParentOnTheSamePost() async throws {
        let database = try AppDatabase(path: path)
        let (parent, _) = try await database.submit(newComment()) { _ in verdict(.hold) }
        await #expect(throws: StoreError.parentNotFound) {
            try await database.submit(newComment(email: "b", body: "r", parent: parent.id)) { _ in verdict() }
        }
        try await database.writer.write { db in try db.execute(sql: "UPDATE comments SET status = 'approved'") }
        await #expect(throws: StoreError.parentNotFound) {
            try await database.submit(newComment(email: "b", body: "r", post: "other", parent: parent.id)) { _ in verdict() }
        }
        let (reply, _) = try await database.submit(newComment(email: "b", body: "r", parent: parent.id)) { _ in verdict() }
        #expect(reply.parentID == parent.id)
    }

    @Test func theSchemaEnforcesItsInvariants() async throws {
        let database = try AppDatabase(path: path)
        let (record, _) = try await database.submit(newComment()) { _ in verdict() }
        try await database.writer.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE comments SET status = 'deleted' WHERE id = ?", arguments: [record.id]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE moderation_events SET actor = 'someone else'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM moderation_events") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE comments SET reasons = 'not json'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE comments SET post_key = 'no-such-post'") }
        }
    }

    /// Two pools on one file behave like the server and the CLI in two processes: both write,
    /// neither loses a row, and each sees the other's commits.
    @Test func twoPoolsShareTheFileWithoutLosingWrites() async throws {
        let server = try AppDatabase(path: path)
        let cli = try AppDatabase(path: path)
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, database) in [server, cli].enumerated() {
                group.addTask {
                    for n in 0..<50 {
                        let comment = newComment(email: "author-\(index)-\(n)", ip: nil, body: "body \(index) \(n)", at: base.addingTimeInterval(Double(n)))
                        _ = try await database.submit(comment) { _ in verdict() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let countFromServer = try await server.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM comments") }
        let countFromCLI = try await cli.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM moderation_events") }
        #expect(countFromServer == 100)
        #expect(countFromCLI == 100)
        let integrity = try await cli.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func anEmptyMigrationsFolderIsAClearError() throws {
        let empty = directory.appendingPathComponent("empty-migrations")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: StoreError.noMigrations(empty.path)) { try AppDatabase(path: path, migrations: empty) }
    }
}
