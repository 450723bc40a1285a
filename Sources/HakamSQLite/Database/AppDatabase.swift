import Foundation
import GRDB
import HakamCore
import HakamStore

/// The one SQLite database, shared by the server and CLI processes. `init` opens it in WAL mode
/// (a `DatabasePool`) and applies the migrations, so a value of this type is always ready.
public struct AppDatabase: CommentStore {
    /// Exposed for tests and tools that need raw access; application code uses the methods.
    public let writer: DatabasePool
    public let path: String
    /// How a moderated comment becomes a lesson (`CommentStore.classifierFeatures`).
    public var classifierFeatures = FeatureExtractor()
    /// The content score a moderated comment's lesson keeps (`CommentStore.classifierContentScorer`).
    public var classifierContentScorer: LessonContentScorer?
    var classifierLessons: ClassifierLessons { ClassifierLessons(extractor: classifierFeatures, scorer: classifierContentScorer) }
    /// Concurrent submissions share write transactions (group commit).
    let submitQueue: SubmitQueue
    let checkpointer: WALCheckpointer?

    /// How SQLite must make commits durable. `normal` in WAL mode survives a process crash (kill -9)
    /// but may lose the last commits on power loss; `full` survives both at a write cost.
    public enum Durability: String, Sendable, CaseIterable {
        case normal, full
    }

    /// - Parameters:
    ///   - path: the database file; created when missing.
    ///   - migrations: the folder of `NNNN_name.sql` files; defaults to the ones built into Hakam.
    ///   - busyTimeout: how long a write waits for another process (the CLI) to release the lock.
    ///   - submitBatch: the most submissions one group-commit transaction takes.
    ///   - backgroundCheckpoints: checkpoint the WAL on a background connection instead of in the
    ///     writer's commits (`WALCheckpointer`); for the long-running server.
    public init(
        path: String, migrations: URL? = nil, durability: Durability = .normal, busyTimeout: TimeInterval = 5,
        submitBatch: Int = 64, backgroundCheckpoints: Bool = false
    ) throws {
        try self.init(path: path, migrations: migrations, durability: durability, busyTimeout: busyTimeout,
                      submitBatch: submitBatch, checkpointer: backgroundCheckpoints ? WALCheckpointer(path: path) : nil)
    }

    /// `checkpointer`: its limits, for tests that cannot write hundreds of MB.
    init(
        path: String, migrations: URL? = nil, durability: Durability = .normal, busyTimeout: TimeInterval = 5,
        submitBatch: Int = 64, checkpointer: WALCheckpointer?
    ) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
            // 16 MB of page cache per connection instead of 2 MB: the history lookups touch index
            // pages all over the file (hashes are random), so a small cache re-reads them.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Statement and savepoint journals in memory: on disk (SQLite's default) they go to a
            // temp file in /var/tmp, which adds writes beside the WAL and puts copies of stored
            // rows in a second place on disk.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Once the WAL restarts, SQLite truncates a bigger file back to this size instead of
            // keeping it forever. The server's limit (WALCheckpointer) is as large as the WAL may
            // grow under sustained load, so that the file is not cut and regrown every cycle.
            try db.execute(sql: "PRAGMA journal_size_limit = \(checkpointer?.walSizeLimit ?? 16 * 1024 * 1024)")
            if let checkpointer, !db.configuration.readonly {
                checkpointer.install(on: db)
            }
        }
        PrivateDatabaseFile.createIfMissing(path)
        let pool = try DatabasePool(path: path, configuration: configuration)
        let migrator = try (migrations.map { try SQLMigrations(directory: $0) } ?? SQLMigrations.builtIn()).migrator()
        try migrator.migrate(pool)
        self.writer = pool
        self.path = path
        self.submitQueue = SubmitQueue(writer: pool, maximumBatch: submitBatch)
        self.checkpointer = checkpointer
    }

    /// SQLite keeps no key fingerprint: the key file sits beside the database file, and
    /// `keyedRowCount` guards against starting without it.
    public func checkKey(fingerprint: String) async throws {}

    public func close() async {}

    /// True when a write transaction can be started now (for `/readyz`).
    public func isWritable() async -> Bool {
        do {
            try await writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) { .rollback }
            }
            return true
        } catch {
            return false
        }
    }
}
