import Foundation
import GRDB
import HakamCore

/// A row of `comments`.
public struct CommentRecord: Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "comments"

    public var id: Int64?
    public var postKey: String
    public var parentID: Int64?
    public var name: String
    public var url: String?
    public var body: String
    public var status: CommentStatus
    public var score: Double
    /// JSON array of `Reason`.
    public var reasons: String
    public var policyVersion: String
    public var emailHash: String?
    public var emailSealed: Data?
    public var ipHash: String?
    public var userAgent: String?
    public var bodyDigest: String
    /// SHA-256 of the body's matching form (see `TextFolding`); nil on rows from before 0003.
    public var foldedDigest: String?
    public var createdAt: Date
    public var updatedAt: Date

    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, url, body, status, score, reasons
        case postKey = "post_key"
        case parentID = "parent_id"
        case policyVersion = "policy_version"
        case emailHash = "email_hash"
        case emailSealed = "email_sealed"
        case ipHash = "ip_hash"
        case userAgent = "user_agent"
        case bodyDigest = "body_digest"
        case foldedDigest = "folded_digest"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
    public typealias Columns = CodingKeys

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        DatabaseTimestamp.encodingStrategy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public var publicComment: PublicComment {
        PublicComment(id: id ?? 0, post: postKey, parent: parentID, name: name, url: url, body: body, status: status, createdAt: createdAt)
    }

    public var decodedReasons: [Reason] {
        (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? []
    }
}

extension CommentStatus: DatabaseValueConvertible {}
