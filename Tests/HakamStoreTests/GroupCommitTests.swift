import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Synchronization
import Testing
@testable import HakamSQLite

/// Group commit: submissions queued while the write lock is held go into one transaction, each in
/// its own savepoint, and each caller hears about its own comment only.
@Suite("Group commit")
struct GroupCommitTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("hakam.sqlite").path }

    func newComment(_ n: Int, body: String? = nil, parent: Int64? = nil) -> NewComment {
        let text = body ?? "comment \(n)"
        return NewComment(postKey: "p", parentID: parent, name: "n", url: nil, body: text, emailHash: "author-\(n)",
                          emailSealed: Data([1]), ipHash: nil, userAgent: nil, bodyDigest: SHA256Digest.hex(text), createdAt: Date())
    }

    static let verdict = Verdict(action: .hold, score: 0, reasons: [], policyVersion: "v1")
    /// How long the queued writer waits for the held lock. The lock is released by this test's
    /// task 300 ms after it is taken, but with the whole suite running in parallel on two loaded
    /// cores that task has waited its turn for over 10 s (the writer then gave up with
    /// SQLITE_BUSY, seen once locally): waiting longer only slows a starved run down.
    static let lockWait: TimeInterval = 120

    /// Counts the commits of the pool it is added to.
    final class CommitCounter: TransactionObserver, @unchecked Sendable {
        let commits = Mutex(0)
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    /// Holds the write lock from a second pool (as the CLI would) until `release` is called, so
    /// that submissions made meanwhile queue up behind it.
    func holdWriteLock(on path: String) async throws -> (release: @Sendable () -> Void, done: Task<Void, any Error>) {
        let other = try AppDatabase(path: path)
        let (held, heldContinuation) = AsyncStream<Void>.makeStream()
        let gate = Mutex(false)
        let done = Task {
            try await other.writer.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO posts (key, created_at) VALUES ('lock', '2026-01-01')")
                heldContinuation.yield()
                while !gate.withLock({ $0 }) { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        for await _ in held { break }
        return ({ gate.withLock { $0 = true } }, done)
    }

    @Test func queuedSubmissionsShareTransactions() async throws {
        let database = try AppDatabase(path: path, busyTimeout: Self.lockWait)
        let counter = CommitCounter()
        database.writer.add(transactionObserver: counter, extent: .databaseLifetime)
        let lock = try await holdWriteLock(on: path)
        let stored = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for n in 0..<50 {
                group.addTask { try await database.submit(newComment(n)) { _ in Self.verdict }.0.id }
            }
            try await Task.sleep(for: .milliseconds(300))
            lock.release()
            return try await group.reduce(into: [Int64]()) { $0.append($1!) }
        }
        try await lock.done.value
        #expect(Set(stored).count == 50)
        let rows = try await database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM comments"), try Int.fetchOne(db, sql: "SELECT count(*) FROM moderation_events"))
        }
        #expect(rows.0 == 50 && rows.1 == 50)
        // The first submission waits for the lock alone; the 49 queued behind it need at most two more.
        let commits = counter.commits.withLock { $0 }
        #expect(commits <= 3, "50 submissions took \(commits) commits")
    }

    @Test func aRefusedSubmissionUndoesOnlyItself() async throws {
        let database = try AppDatabase(path: path, busyTimeout: Self.lockWait)
        let lock = try await holdWriteLock(on: path)
        let results = await withTaskGroup(of: (Int, Result<Int64, any Error>).self) { group in
            for n in 0..<10 {
                group.addTask {
                    do {
                        let comment = newComment(n, parent: n == 5 ? 999_999 : nil)
                        let (record, _) = try await database.submit(comment) { _ in
                            if n == 3 { throw Rejection.banned }
                            return Self.verdict
                        }
                        return (n, .success(record.id!))
                    } catch {
                        return (n, .failure(error))
                    }
                }
            }
            try? await Task.sleep(for: .milliseconds(300))
            lock.release()
            return await group.reduce(into: [Int: Result<Int64, any Error>]()) { $0[$1.0] = $1.1 }
        }
        try await lock.done.value
        for n in 0..<10 {
            switch (n, results[n]!) {
            case (3, .failure(let error)): #expect(error as? Rejection == .banned)
            case (5, .failure(let error)): #expect(error as? StoreError == .parentNotFound)
            case (3, _), (5, _): Issue.record("submission \(n) should have been refused")
            case (_, .failure(let error)): Issue.record("submission \(n) failed: \(error)")
            case (_, .success): break
            }
        }
        let bodies = try await database.writer.read { db in try String.fetchSet(db, sql: "SELECT body FROM comments") }
        #expect(bodies == Set((0..<10).filter { $0 != 3 && $0 != 5 }.map { "comment \($0)" }))
        let events = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM moderation_events") }
        #expect(events == 8)
    }

    /// Identical comments in one batch: the history read for the second sees the first.
    @Test func identicalSubmissionsInOneBatchStoreOnce() async throws {
        let database = try AppDatabase(path: path, busyTimeout: Self.lockWait)
        let lock = try await holdWriteLock(on: path)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await database.submit(newComment(1, body: "same words")) { history in
                            if history.hasDuplicate { throw Rejection.duplicate }
                            return Self.verdict
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            try? await Task.sleep(for: .milliseconds(300))
            lock.release()
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try await lock.done.value
        #expect(outcomes.filter { $0 }.count == 1)
        let count = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM comments") }
        #expect(count == 1)
    }
}
