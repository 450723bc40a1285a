import Logging

/// Where the HTTP server listens and how it treats slow or oversized clients.
public struct HTTPServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Seconds a connection may stay idle; this also bounds how long request headers may take.
    public var idleTimeoutSeconds: Int64
    /// Seconds a request body may take to arrive in full (a trickled body resets the idle timer
    /// with every byte, so it needs its own deadline).
    public var bodyTimeoutSeconds: Int64
    /// Largest header block accepted (all fields together); larger requests get 400 and are closed.
    public var maximumHeaderBytes: Int
    /// Most header fields accepted in one request.
    public var maximumHeaderFields: Int
    /// The level of the access line of a public list read answered 200 or 304.
    public var publicReadLogLevel: Logger.Level

    public init(host: String = "127.0.0.1", port: Int = 8080, idleTimeoutSeconds: Int64 = 30, bodyTimeoutSeconds: Int64 = 10,
                maximumHeaderBytes: Int = 16 * 1024, maximumHeaderFields: Int = 100, publicReadLogLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumHeaderFields = maximumHeaderFields
        self.publicReadLogLevel = publicReadLogLevel
    }
}
