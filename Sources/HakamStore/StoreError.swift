/// Failures of the store that callers act on, the same for every backend: a backend maps its
/// own errors (SQLite result codes, PostgreSQL SQLSTATEs, lost connections) onto these, so
/// nothing above the store needs to know which database it talks to.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reply's parent is missing, on another post, or not approved.
    case parentNotFound
    case noMigrations(String)
    /// The disk holding the database is full: nothing was stored; retrying later may succeed.
    case full
    /// The database cannot take the write now (locked past the timeout, unreachable, restarting,
    /// read-only): nothing was stored; retry after the given number of seconds.
    case unavailable(retryAfterSeconds: Int)
    /// The key file does not match the hashes already stored: a node with the wrong key would
    /// write hashes no ban or history could ever match.
    case keyMismatch
    /// A row that must be unique exists already (another node or process wrote it first).
    case duplicate
    /// A setting of the store is wrong (a malformed database URL); the text never holds a password.
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .parentNotFound: "the parent comment does not exist on this post or is not approved"
        case .noMigrations(let path): "no migration files (*.sql) in \(path)"
        case .full: "the disk holding the database is full"
        case .unavailable(let seconds): "the database is unavailable (retry in \(seconds) s)"
        case .keyMismatch: "the key file does not match the hashes stored in the database: use the key file the database was made with"
        case .duplicate: "the row exists already"
        case .invalidConfiguration(let reason): reason
        }
    }
}
