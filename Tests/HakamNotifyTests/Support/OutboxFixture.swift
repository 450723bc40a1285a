import Foundation
import HakamCore
import HakamStore
import HakamSQLite
import HakamTestSupport

/// A fresh database in its own folder, and comments added the way the server adds them, with
/// reasons that quote the author's email (which no notification may carry on).
struct OutboxFixture {
    let temporary: TemporaryDatabase
    let protector = PrivacyProtector(master: MasterKey.generate())
    let start = TestClock.start
    /// Private data every comment here carries, for the privacy scans.
    static let email = "reader.private@example.com"
    static let ip = CommentBuilder.ip
    static let userAgent = CommentBuilder.userAgent

    init() throws { temporary = try TemporaryDatabase(prefix: "hakam-outbox") }

    var directory: URL { temporary.directory }
    var database: AppDatabase { temporary.database }
    var probe: DatabaseProbe { temporary.probe }

    @discardableResult
    func add(_ body: String = "hello there", action: ModerationAction = .hold, reasons: [String] = ["links.many"], post: String = "news-1")
        async throws -> Int64
    {
        try await CommentBuilder(store: database, protector: protector, now: start).add(
            body, email: Self.email, post: post, action: action,
            reasons: reasons.map { Reason(code: $0, weight: 3, field: "email", quote: Self.email) }, score: 6)
    }

    /// Every outbox row, oldest first.
    func outbox() async throws -> [OutboxEntry] { try await probe.outbox() }

    func remove() { temporary.remove() }
}
