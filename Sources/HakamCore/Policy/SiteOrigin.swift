import Foundation

/// A web origin (RFC 6454): scheme, host and port. Used to decide which sites may call the API
/// from a browser and where the WordPress form may send the reader back to.
public struct SiteOrigin: Sendable, Hashable {
    public let scheme: String
    public let host: String
    public let port: Int?

    /// Parses an origin string (`https://news.example`, `http://localhost:8080`); no path, query or credentials.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text), components.path.isEmpty || components.path == "/",
              components.query == nil, components.fragment == nil else { return nil }
        self.init(components: components)
    }

    /// The origin of an absolute http(s) URL.
    public init?(url text: String) {
        guard let components = URLComponents(string: text) else { return nil }
        self.init(components: components)
    }

    private init?(components: URLComponents) {
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased(), !host.isEmpty,
              components.user == nil, components.password == nil else { return nil }
        self.scheme = scheme
        self.host = host
        let defaultPort = scheme == "https" ? 443 : 80
        self.port = components.port == defaultPort ? nil : components.port
    }

    public var serialized: String {
        port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}
