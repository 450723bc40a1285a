import Foundation

/// One comment's public fields as borrowed UTF-8, the form the export reads a database row in:
/// no `String` is made per row. The pointers are lent for the duration of one call only.
///
/// `PublicComment.appendJSON` goes through this view too, so the API's encoder, the export's
/// fast path and its `String` path write one JSON text from one function.
public struct PublicCommentBytes {
    public var id: Int64
    public var post: UnsafeBufferPointer<UInt8>
    public var parent: Int64?
    public var name: UnsafeBufferPointer<UInt8>
    public var url: UnsafeBufferPointer<UInt8>?
    public var body: UnsafeBufferPointer<UInt8>
    /// Already the public status: `approved` or `pending`.
    public var status: CommentStatus
    public var createdAt: CreatedAt

    /// The creation time as the database keeps it (checked by
    /// `ISO8601Timestamp.isDatabaseMilliseconds`) or as a date.
    public enum CreatedAt {
        case databaseText(UnsafeBufferPointer<UInt8>)
        case date(Date)
    }

    public init(id: Int64, post: UnsafeBufferPointer<UInt8>, parent: Int64?, name: UnsafeBufferPointer<UInt8>,
                url: UnsafeBufferPointer<UInt8>?, body: UnsafeBufferPointer<UInt8>, status: CommentStatus, createdAt: CreatedAt) {
        self.id = id
        self.post = post
        self.parent = parent
        self.name = name
        self.url = url
        self.body = body
        self.status = status.publicStatus
        self.createdAt = createdAt
    }

    /// The comment as one JSON object: sorted keys, no escaped slashes, explicit nulls, dates as
    /// `ISO8601Timestamp` (what the HTTP API's `JSONEncoder` writes; a test holds them equal).
    public func appendJSON(to bytes: inout [UInt8]) {
        let textBytes = body.count + name.count + post.count + (url?.count ?? 0)
        // Keys, punctuation, the date and two numbers take under 200 bytes.
        ByteCursor.append(to: &bytes, capacity: 200 + JSONText.maximumLength(textBytes)) { writeJSON(to: &$0) }
    }

    public func writeJSON(to cursor: inout ByteCursor) {
        cursor.put(#"{"body":"#)
        JSONText.writeString(body, to: &cursor)
        cursor.put(#","created_at":""#)
        switch createdAt {
        case .databaseText(let text): ISO8601Timestamp.writeDatabaseMilliseconds(text, to: &cursor)
        case .date(let date):
            var text = ISO8601Timestamp.format(date)
            text.withUTF8 { cursor.put($0) }
        }
        cursor.put(#"","id":"#)
        DecimalText.write(id, to: &cursor)
        cursor.put(#","name":"#)
        JSONText.writeString(name, to: &cursor)
        cursor.put(#","parent":"#)
        if let parent { DecimalText.write(parent, to: &cursor) } else { cursor.put("null") }
        cursor.put(#","post":"#)
        JSONText.writeString(post, to: &cursor)
        cursor.put(status == .approved ? #","status":"approved","url":"# : #","status":"pending","url":"#)
        if let url { JSONText.writeString(url, to: &cursor) } else { cursor.put("null") }
        cursor.put(UInt8(ascii: "}"))
    }


}

extension PublicCommentBytes {
    /// The comment with its own `String`s (for writers that format from a `PublicComment`).
    public var comment: PublicComment {
        let date: Date
        switch createdAt {
        case .databaseText(let text):
            date = ISO8601Timestamp.parseDatabase(String(decoding: text, as: UTF8.self)) ?? Date(timeIntervalSince1970: 0)
        case .date(let value): date = value
        }
        return PublicComment(id: id, post: String(decoding: post, as: UTF8.self), parent: parent,
                             name: String(decoding: name, as: UTF8.self), url: url.map { String(decoding: $0, as: UTF8.self) },
                             body: String(decoding: body, as: UTF8.self), status: status, createdAt: date)
    }
}

extension PublicComment {
    /// Lends the comment's fields as UTF-8 (no copy for native strings).
    public func withBytes<T>(_ body: (PublicCommentBytes) throws -> T) rethrows -> T {
        var post = post, name = name, text = self.body, url = url
        return try post.withUTF8 { post in
            try name.withUTF8 { name in
                try text.withUTF8 { text in
                    func make(_ url: UnsafeBufferPointer<UInt8>?) throws -> T {
                        try body(PublicCommentBytes(id: id, post: post, parent: parent, name: name, url: url, body: text,
                                                    status: status, createdAt: .date(createdAt)))
                    }
                    if url == nil { return try make(nil) }
                    return try url!.withUTF8 { try make($0) }
                }
            }
        }
    }
}
