/// Failures of the store that callers act on (everything else is a `DatabaseError`).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reply's parent is missing, on another post, or not approved.
    case parentNotFound
    case noMigrations(String)

    public var description: String {
        switch self {
        case .parentNotFound: "the parent comment does not exist on this post or is not approved"
        case .noMigrations(let path): "no migration files (*.sql) in \(path)"
        }
    }
}
