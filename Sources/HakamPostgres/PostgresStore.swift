import Foundation
import HakamCore
import HakamStore
import Logging
import NIOSSL
import PostgresNIO

/// Hakam's store on a PostgreSQL database that several `hakam serve` nodes and CLIs share.
///
/// Every write is one transaction committed with `synchronous_commit = on` before it returns.
/// A submission takes transaction-scoped advisory locks on the sender's email hash, IP hash and
/// body digest before it reads bans and history and inserts, so two identical comments sent to
/// two nodes at once are decided one after the other: one stored, one refused as a duplicate.
public struct PostgresStore: CommentStore {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger
    /// How long an operation may wait for a connection or a reply before the store reports
    /// `unavailable` (the pool would otherwise wait for a dead server forever).
    let timeout: Duration
    /// How a moderated comment becomes a lesson (`CommentStore.classifierFeatures`).
    public var classifierFeatures = FeatureExtractor()
    /// The content score a moderated comment's lesson keeps (`CommentStore.classifierContentScorer`).
    public var classifierContentScorer: LessonContentScorer?
    var classifierLessons: ClassifierLessons { ClassifierLessons(extractor: classifierFeatures, scorer: classifierContentScorer) }

    /// Connects, checks the server, and applies the migrations under an advisory lock (nodes
    /// starting together migrate once).
    public static func open(
        _ settings: PostgresSettings, migrations: URL? = nil, maximumConnections: Int = 16, timeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "hakam.postgres")
    ) async throws -> PostgresStore {
        let store = PostgresStore(settings: settings, maximumConnections: maximumConnections, timeout: timeout, logger: logger)
        do {
            // Reachable first, within the timeout: the pool would wait for a dead server forever.
            _ = try await store.rows("SELECT 1")
            try await (migrations.map(PostgresMigrator.init(directory:)) ?? PostgresMigrator.builtIn()).migrate(store.client, logger: logger)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Connects without migrating: for administration (creating a database) and tests.
    public static func connect(_ settings: PostgresSettings, logger: Logger = Logger(label: "hakam.postgres")) -> PostgresStore {
        PostgresStore(settings: settings, maximumConnections: 2, timeout: .seconds(60), logger: logger)
    }

    /// Runs one statement outside any transaction (CREATE DATABASE cannot run in one).
    public func execute(_ sql: String) async throws {
        let logger = self.logger
        try await run { [client] in
            try await client.withConnection { connection in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        }
    }

    /// The first column of every row of `sql` (cast to text in the query): for tests and tools.
    public func texts(_ sql: String) async throws -> [String?] {
        let logger = self.logger
        return try await run { [client] in
            try await client.withConnection { connection in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().map { try $0.decode(String?.self) }
            }
        }
    }

    init(settings: PostgresSettings, maximumConnections: Int, timeout: Duration, logger: Logger) {
        var configuration: PostgresClient.Configuration
        if let socket = settings.socketPath {
            configuration = .init(unixSocketPath: socket, username: settings.user, password: settings.password, database: settings.database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch settings.sslMode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
            configuration = .init(host: settings.host, port: settings.port, username: settings.user,
                                  password: settings.password, database: settings.database, tls: tls)
        }
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = timeout
        // An acknowledged comment is on the server's disk (and a synchronous standby's, if
        // one is configured), whatever the role's or database's default says.
        configuration.options.additionalStartupParameters = [("synchronous_commit", "on"), ("application_name", "hakam")]
        // The pool's own log: errors only (it warns once when a lease comes before `run()` has
        // started, which is harmless); the store reports unavailability itself.
        var poolLogger = logger
        poolLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.client = client
        self.runner = Task { await client.run() }
        self.logger = logger
        self.timeout = timeout
    }

    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    /// Runs `body` with the store's timeout and maps failures to `StoreError`.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await run(timeout: timeout, body)
    }

    /// `timeout` nil: no limit (an import of a whole site).
    func run<T: Sendable>(timeout: Duration?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let timeout else {
            do { return try await body() } catch { throw PostgresFailure.storeError(error) }
        }
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw PostgresTimeout()
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch {
            throw PostgresFailure.storeError(error)
        }
    }

    /// One transaction (BEGIN … COMMIT; ROLLBACK when `body` throws), with the timeout unless
    /// `limited` is false.
    func transaction<T: Sendable>(
        limited: Bool = true, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        return try await run(timeout: limited ? timeout : nil) { [client] in
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let result = try await body(connection, logger)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// Rows of one read, collected.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await run { [client] in
            try await client.withConnection { connection in
                try await connection.query(query, logger: logger).collect()
            }
        }
    }

    /// A primary that answers within 2 seconds (a load balancer's health check must not time out
    /// waiting for the store's longer timeout). A standby (in recovery) cannot take writes.
    public func isWritable() async -> Bool {
        let logger = self.logger
        do {
            return try await run(timeout: .seconds(2)) { [client] in
                try await client.withConnection { connection in
                    let rows = try await connection.query("SELECT pg_is_in_recovery()", logger: logger).collect()
                    return try rows.first.map { try !$0.decode(Bool.self) } ?? false
                }
            }
        } catch {
            return false
        }
    }

    public func keyedRowCount() async throws -> Int {
        let rows = try await rows("""
            SELECT (SELECT count(*) FROM comments WHERE email_hash IS NOT NULL OR ip_hash IS NOT NULL OR email_sealed IS NOT NULL)
                 + (SELECT count(*) FROM bans WHERE kind IN ('email', 'ip'))
            """)
        return Int(try rows[0].decode(Int64.self))
    }

    public func checkKey(fingerprint: String) async throws {
        let stored = try await transaction { connection, logger in
            try await connection.query("""
                INSERT INTO hakam_settings (name, value) VALUES ('key_fingerprint', \(fingerprint)) ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            let rows = try await connection.query("SELECT value FROM hakam_settings WHERE name = 'key_fingerprint'", logger: logger).collect()
            return try rows.first?.decode(String.self)
        }
        guard stored == fingerprint else { throw StoreError.keyMismatch }
    }
}
