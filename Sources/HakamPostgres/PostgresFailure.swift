import HakamCore
import HakamStore
import PostgresNIO

/// PostgreSQL's errors as the store's own. Connection loss, a server shutting down or starting,
/// too many connections and serialization failures are transient (`unavailable`); a full disk
/// is `full`; a unique violation `duplicate`. Anything else passes through by type only, since
/// server messages may quote values.
enum PostgresFailure {
    static let retryAfterSeconds = 5

    static func storeError(_ error: any Error) -> any Error {
        switch error {
        case is StoreError, is ModerationError, is Rejection: return error
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] {
                if state == "53100" { return StoreError.full }
                if state == "23505" { return StoreError.duplicate }
                if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") || state.hasPrefix("40") || state == "25006" {
                    return StoreError.unavailable(retryAfterSeconds: retryAfterSeconds)
                }
                return PostgresServerError(sqlState: state)
            }
            return StoreError.unavailable(retryAfterSeconds: retryAfterSeconds)
        case is PostgresTimeout:
            return StoreError.unavailable(retryAfterSeconds: retryAfterSeconds)
        default:
            return error
        }
    }
}

/// A server error that is not transient, named by its SQLSTATE only.
public struct PostgresServerError: Error, Sendable, CustomStringConvertible {
    public let sqlState: String
    public var description: String { "PostgreSQL refused the statement (SQLSTATE \(sqlState))" }
}

/// An operation took longer than the store waits (the server is down or unreachable: the pool
/// would otherwise wait for a connection forever).
struct PostgresTimeout: Error {}
