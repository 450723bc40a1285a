import Foundation

/// A `postgres://user[:password]@host[:port]/database?sslmode=…[&host=/socket/dir]` URL, parsed.
/// The password is kept out of `description`, errors and logs.
public struct PostgresSettings: Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    /// A Unix-socket directory (`?host=/var/run/postgresql`, as libpq takes it), instead of TCP.
    public var socketDirectory: String?
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    /// `password` (from `--db-password-file` or `PGPASSWORD`) is used when the URL has none.
    public init(url: String, password fallback: String? = nil) throws(PostgresSettingsError) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw .malformed("the database URL must look like postgres://user@host:5432/database")
        }
        guard let user = components.user, !user.isEmpty else { throw .malformed("the database URL names no user (postgres://user@host/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .malformed("the database URL names no database (postgres://user@host/database)") }
        self.user = user.removingPercentEncoding ?? user
        self.database = database.removingPercentEncoding ?? database
        self.password = (components.password?.removingPercentEncoding ?? components.password) ?? fallback
        self.host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        self.port = components.port ?? 5432
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        if let socket = query["host"], socket.hasPrefix("/") { socketDirectory = socket }
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow": sslMode = .disable
            case "prefer": sslMode = .prefer
            case "require", "verify-ca", "verify-full": sslMode = .require
            default: throw .malformed("sslmode must be disable, prefer or require")
            }
        } else {
            sslMode = socketDirectory == nil && !["localhost", "127.0.0.1", "::1"].contains(host) ? .prefer : .disable
        }
    }

    /// The socket file libpq would use in `socketDirectory`.
    public var socketPath: String? {
        socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
    }

    /// Safe to print: no password.
    public var description: String {
        "postgres://\(user)@\(socketDirectory.map { "[\($0)]" } ?? host):\(port)/\(database)"
    }
}

public enum PostgresSettingsError: Error, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self { case .malformed(let reason): reason }
    }
}
