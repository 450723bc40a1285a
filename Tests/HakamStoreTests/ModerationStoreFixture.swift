import Foundation
import GRDB
import HakamCore
@testable import HakamStore
@testable import HakamSQLite

/// A fresh database in its own temp folder, and helpers to add comments the way the server does.
struct ModerationStoreFixture {
    let directory: URL
    let database: AppDatabase
    let protector = PrivacyProtector(master: MasterKey.generate())
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-moderation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path)
    }

    func emailHash(_ email: String) throws -> String { protector.emailHash(try EmailAddress(parsing: email)) }

    /// Adds a comment with the given verdict; `minutes` after `start`.
    @discardableResult
    func add(
        _ body: String = "hello", email: String = "ali@example.com", name: String = "Ali", post: String = "p",
        parent: Int64? = nil, action: ModerationAction = .hold, reasons: [String] = ["test.reason"], minutes: Double = 0,
        ip: String = "203.0.113.7"
    ) async throws -> Int64 {
        let address = try EmailAddress(parsing: email)
        let comment = NewComment(
            postKey: post, parentID: parent, name: name, url: "https://example.com/\(name)", body: body,
            emailHash: protector.emailHash(address), emailSealed: protector.seal(address), ipHash: protector.ipHash(ip),
            userAgent: "test-agent", bodyDigest: SHA256Digest.hex(body + UUID().uuidString), createdAt: start.addingTimeInterval(minutes * 60))
        let verdict = Verdict(action: action, score: Double(reasons.count), reasons: reasons.map { Reason(code: $0, weight: 1) }, policyVersion: "v1")
        let (record, _) = try await database.submit(comment) { _ in verdict }
        return record.id!
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) async throws -> Int {
        try await database.writer.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    func status(_ id: Int64) async throws -> CommentStatus? {
        try await database.writer.read { db in try CommentStatus.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [id]) }
    }

    func eventCount(_ id: Int64) async throws -> Int {
        try await count("SELECT count(*) FROM moderation_events WHERE comment_id = ?", [id])
    }

    func at(minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
}
