extension PublicComment {
    /// The comment as one JSON object, byte for byte what `JSONEncoder` makes of it with the
    /// API's settings (sorted keys, no escaped slashes, `ISO8601Timestamp` dates), written
    /// directly because exports encode a million of them. A test keeps the two identical, so
    /// the HTTP API and the exports cannot drift apart.
    public func appendJSON(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"body":"#.utf8)
        JSONText.appendString(body, to: &bytes)
        bytes.append(contentsOf: #","created_at":""#.utf8)
        ISO8601Timestamp.append(createdAt, to: &bytes)
        bytes.append(contentsOf: #"","id":"#.utf8)
        bytes.append(contentsOf: String(id).utf8)
        bytes.append(contentsOf: #","name":"#.utf8)
        JSONText.appendString(name, to: &bytes)
        bytes.append(contentsOf: #","parent":"#.utf8)
        if let parent { bytes.append(contentsOf: String(parent).utf8) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: #","post":"#.utf8)
        JSONText.appendString(post, to: &bytes)
        bytes.append(contentsOf: #","status":"#.utf8)
        JSONText.appendString(status.rawValue, to: &bytes)
        bytes.append(contentsOf: #","url":"#.utf8)
        if let url { JSONText.appendString(url, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(UInt8(ascii: "}"))
    }
}
