import Dispatch
import Foundation
import GRDB
import HakamStore
import GRDBSQLite
import Synchronization

/// Moves WAL checkpoints off the writer connection.
///
/// SQLite's default checkpoints run inside the commit that pushes the WAL past 1,000 pages: that
/// commit copies every page back into the database file and syncs it, on the writer's thread,
/// while every queued submission waits, and under load that is most of the writer's time. This
/// hook replaces the default one on the server's writer connection: past `backgroundFrames` it
/// starts a passive checkpoint on a connection of its own, on a background queue, which copies
/// pages while the writer goes on appending. A passive checkpoint never blocks
/// the writer or readers, and commits stay durable in the WAL either way.
///
/// Past `inlineFrames` the writer checkpoints inline, as SQLite would by default, so the WAL file
/// stays bounded. Under sustained load that is also what restarts the WAL: a background checkpoint
/// syncs the database file, the writer commits meanwhile, so the log is never found fully copied
/// when the next write begins. Each inline checkpoint stalls every queued submission for its two
/// syncs, so the limit decides how often that happens; it is set high (a WAL of 256 MiB) so that
/// stalls are rare at full load. `walSizeLimit` (journal_size_limit) matches it, so the file is
/// not cut and regrown every cycle. The measurements behind the limit are in Benchmarks/RESULTS.md.
final class WALCheckpointer: Sendable {
    let path: String
    let backgroundFrames: Int32
    let inlineFrames: Int32
    /// The WAL file size SQLite truncates back to when the log restarts (bytes).
    let walSizeLimit: Int
    private let running = Mutex(false)
    private let queue = DispatchQueue(label: "hakam.wal-checkpoint", qos: .utility)
    /// Background checkpoints that copied frames into the database, for tests.
    let completed = Atomic<Int>(0)

    init(path: String, backgroundFrames: Int32 = 1_000, inlineFrames: Int32 = 65_536, walSizeLimit: Int = 256 << 20) {
        self.path = path
        self.backgroundFrames = backgroundFrames
        self.inlineFrames = inlineFrames
        self.walSizeLimit = walSizeLimit
    }

    /// Installs the hook on `db`, which must be the writer. The hook keeps the checkpointer alive
    /// for as long as the connection lives.
    func install(on db: Database) {
        guard let connection = db.sqliteConnection else { return }
        let context = Unmanaged.passRetained(self).toOpaque()
        sqlite3_wal_hook(connection, { context, connection, schema, frames in
            let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue()
            checkpointer.walCommitted(frames: frames, connection: connection, schema: schema)
            return SQLITE_OK
        }, context)
    }

    private func walCommitted(frames: Int32, connection: OpaquePointer?, schema: UnsafePointer<CChar>?) {
        if frames >= inlineFrames {
            sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return
        }
        guard frames >= backgroundFrames else { return }
        let start = running.withLock { running in
            guard !running else { return false }
            running = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            checkpoint()
            running.withLock { $0 = false }
        }
    }

    /// One passive checkpoint on a short-lived connection of its own. It opens without
    /// SQLITE_OPEN_CREATE: a database removed meanwhile is left removed.
    private func checkpoint() {
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
              // A new connection learns that the file is in WAL mode, and opens the WAL, only when
              // it first reads; a checkpoint before that succeeds without copying anything.
              sqlite3_exec(connection, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil) == SQLITE_OK
        else { return }
        var walFrames: Int32 = 0
        var copied: Int32 = 0
        if sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied) == SQLITE_OK, copied > 0 {
            completed.add(1, ordering: .relaxed)
        }
    }
}
