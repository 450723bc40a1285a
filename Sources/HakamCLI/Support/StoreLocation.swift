/// Where `--db` / `HAKAM_DB` points: a SQLite file (the default) or a PostgreSQL URL.
enum StoreLocation: Equatable {
    case sqlite(path: String)
    /// The URL as given; it may hold a password, so it is never printed (`displayName`).
    case postgres(url: String)

    init(_ value: String) {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else {
            self = .sqlite(path: value)
        }
    }

    /// Safe to print: a file path, or the URL without its password.
    var displayName: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): StoreLocation.withoutPassword(url)
        }
    }

    /// A SQLite database keeps its key beside it; PostgreSQL nodes share one key file, which has
    /// no natural place: `./hakam.key` unless `--key-file` says otherwise.
    var defaultKeyFilePath: String {
        switch self {
        case .sqlite(let path): path + ".key"
        case .postgres: "./hakam.key"
        }
    }

    /// `postgres://user:secret@host/db` → `postgres://user@host/db`.
    static func withoutPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return url }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + userInfo[..<colon] + rest[at...]
    }
}
