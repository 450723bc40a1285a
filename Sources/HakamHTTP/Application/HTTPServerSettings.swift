/// Where the HTTP server listens and how it treats slow clients.
public struct HTTPServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Seconds a connection may stay idle (slowloris bodies are cut off).
    public var idleTimeoutSeconds: Int64

    public init(host: String = "127.0.0.1", port: Int = 8080, idleTimeoutSeconds: Int64 = 30) {
        self.host = host
        self.port = port
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
