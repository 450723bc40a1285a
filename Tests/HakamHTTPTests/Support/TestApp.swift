import Foundation
import HakamCore
import HakamHTTP
import HakamStore
import Hummingbird
import HummingbirdTesting
import Logging
import HakamSQLite
import HakamTestSupport

/// A real Hakam application on a temporary database, a fresh key and a given policy,
/// with its log lines captured for privacy checks.
struct TestApp {
    let temporary: TemporaryDatabase
    let services: AppServices
    let logs: CapturedLogs
    let clock: TestClock

    init(policy: Policy = TestApp.defaultPolicy, busyTimeout: TimeInterval = 5) throws {
        temporary = try TemporaryDatabase(prefix: "hakam-http", busyTimeout: busyTimeout)
        let clock = TestClock()
        self.clock = clock
        services = AppServices(database: temporary.database, policy: policy, protector: PrivacyProtector(master: MasterKey.generate()), now: { clock.now })
        logs = CapturedLogs()
    }

    /// The shipped defaults, minus the rate limit (tests send many requests from "nowhere").
    static var defaultPolicy: Policy {
        var policy = Policy()
        policy.rateLimit.enabled = false
        policy.allowedOrigins = ["https://news.example"]
        return policy
    }

    var directory: URL { temporary.directory }
    /// The SQLite store behind `services`, for tests that read it directly.
    var database: AppDatabase { temporary.database }
    /// Typed reads of what is stored.
    var probe: DatabaseProbe { temporary.probe }
    var logger: Logger { logs.logger }
    /// Comments seeded through the store, as the server stores them.
    var comments: CommentBuilder { CommentBuilder(store: database, protector: services.protector, now: clock.now) }

    func application() -> some ApplicationProtocol {
        buildApplication(services: services, settings: HTTPServerSettings(host: "127.0.0.1", port: 0), logger: logger)
    }

    func remove() { temporary.remove() }

    func commentCount() async throws -> Int { try await probe.count(.comments) }

    func commentIDs() async throws -> [Int64] { try await probe.commentIDs() }

    /// Every byte of the database files (main file, WAL, shared memory).
    func databaseBytes() throws -> Data { temporary.fileBytes() }
}
