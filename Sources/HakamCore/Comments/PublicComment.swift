import Foundation

/// The fields of a comment anyone may see: the one definition shared by the HTTP API and
/// exports, so private fields (email, IP, user agent, score) cannot slip into either.
public struct PublicComment: Sendable, Equatable, Codable {
    public var id: Int64
    public var post: String
    public var parent: Int64?
    public var name: String
    public var url: String?
    public var body: String
    /// `approved` or `pending` (spam and trash are reported as pending).
    public var status: CommentStatus
    public var createdAt: Date

    public init(id: Int64, post: String, parent: Int64?, name: String, url: String?, body: String, status: CommentStatus, createdAt: Date) {
        self.id = id
        self.post = post
        self.parent = parent
        self.name = name
        self.url = url
        self.body = body
        self.status = status.publicStatus
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, post, parent, name, url, body, status
        case createdAt = "created_at"
    }

    /// Explicit nulls for `parent` and `url`, so clients see every key every time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(post, forKey: .post)
        try container.encode(parent, forKey: .parent)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(body, forKey: .body)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
