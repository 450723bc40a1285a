extension PublicComment {
    /// The comment as one JSON object, byte for byte what `JSONEncoder` makes of it with the
    /// API's settings (sorted keys, no escaped slashes, `ISO8601Timestamp` dates), written
    /// directly because exports encode a million of them. A test keeps the two identical, so
    /// the HTTP API and the exports cannot drift apart. One writer serves both this and the
    /// export's fast path: `PublicCommentBytes.appendJSON`.
    public func appendJSON(to bytes: inout [UInt8]) {
        withBytes { $0.appendJSON(to: &bytes) }
    }
}
