import Foundation
import HakamCore

/// A comment as a publishing site may receive it: what Hakam's public pages show, plus its
/// status. It has no private field to copy (no email, hash, IP or user agent).
public struct PublishableComment: Sendable, Equatable {
    public var id: Int64
    public var postKey: String
    public var parentID: Int64?
    public var name: String
    public var url: String?
    public var body: String
    public var status: CommentStatus
    public var createdAt: Date

    public init(id: Int64, postKey: String, parentID: Int64?, name: String, url: String?, body: String, status: CommentStatus, createdAt: Date) {
        self.id = id
        self.postKey = postKey
        self.parentID = parentID
        self.name = name
        self.url = url
        self.body = body
        self.status = status
        self.createdAt = createdAt
    }
}
