import Foundation
import GRDB
import HakamCore
import HakamStore
@testable import HakamSQLite

/// A fresh database in its own folder, and comments added the way the server adds them.
struct OutboxFixture {
    let directory: URL
    let database: AppDatabase
    let protector = PrivacyProtector(master: MasterKey.generate())
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    /// Private data every comment here carries, for the privacy scans.
    static let email = "reader.private@example.com"
    static let ip = "203.0.113.77"
    static let userAgent = "PrivateAgent/9.9 (test)"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path)
    }

    @discardableResult
    func add(_ body: String = "hello there", action: ModerationAction = .hold, reasons: [String] = ["links.many"], post: String = "news-1")
        async throws -> Int64
    {
        let address = try EmailAddress(parsing: Self.email)
        let comment = NewComment(
            postKey: post, parentID: nil, name: "Ali", url: nil, body: body,
            emailHash: protector.emailHash(address), emailSealed: protector.seal(address), ipHash: protector.ipHash(Self.ip),
            userAgent: Self.userAgent, bodyDigest: SHA256Digest.hex(body + UUID().uuidString), createdAt: start)
        let verdict = Verdict(action: action, score: 6, reasons: reasons.map { Reason(code: $0, weight: 3, field: "email", quote: Self.email) },
                              policyVersion: "v1")
        let (record, _) = try await database.submit(comment) { _ in verdict }
        return record.id!
    }

    /// (type, comment id) of every outbox row, oldest first.
    func outbox() async throws -> [(type: String, commentID: Int64?)] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT type, comment_id FROM outbox ORDER BY id").map { ($0["type"], $0["comment_id"]) }
        }
    }

    func count(_ sql: String) async throws -> Int {
        try await database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
