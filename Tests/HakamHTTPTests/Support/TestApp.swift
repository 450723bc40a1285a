import Foundation
import HakamCore
import HakamHTTP
import HakamStore
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import HakamSQLite

/// A real Hakam application on a temporary database, a fresh key and a given policy,
/// with its log lines captured for privacy checks.
struct TestApp {
    let directory: URL
    let services: AppServices
    /// The SQLite store behind `services`, for tests that read or break the database directly.
    let database: AppDatabase
    let logs: CapturedLogs
    let clock: TestClock

    init(policy: Policy = TestApp.defaultPolicy, busyTimeout: TimeInterval = 5) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path, busyTimeout: busyTimeout)
        self.database = database
        let clock = TestClock()
        self.clock = clock
        services = AppServices(database: database, policy: policy, protector: PrivacyProtector(master: MasterKey.generate()), now: { clock.now })
        logs = CapturedLogs()
    }

    /// The shipped defaults, minus the rate limit (tests send many requests from "nowhere").
    static var defaultPolicy: Policy {
        var policy = Policy()
        policy.rateLimit.enabled = false
        policy.allowedOrigins = ["https://news.example"]
        return policy
    }

    var logger: Logger {
        let logs = self.logs
        var logger = Logger(label: "hakam-test") { _ in CapturingLogHandler(logs: logs) }
        logger.logLevel = .trace
        return logger
    }

    func application() -> some ApplicationProtocol {
        buildApplication(services: services, settings: HTTPServerSettings(host: "127.0.0.1", port: 0), logger: logger)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Every byte of the database files (main file, WAL, shared memory).
    func databaseBytes() throws -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm"] {
            let path = directory.appendingPathComponent("hakam.sqlite" + suffix).path
            if let data = FileManager.default.contents(atPath: path) { all.append(data) }
        }
        return all
    }
}

/// A settable clock, so flood tests need no sleeping.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: String { lines.withLock { $0.joined(separator: "\n") } }
}

struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        logs.append("\(event.level) \(event.message) \(merged)")
    }
}
