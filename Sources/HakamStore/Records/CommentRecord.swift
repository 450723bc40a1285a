import Foundation
import HakamCore

/// A row of `comments`.
public struct CommentRecord: Sendable, Codable {
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

    public enum CodingKeys: String, CodingKey {
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

    public var publicComment: PublicComment {
        PublicComment(id: id ?? 0, post: postKey, parent: parentID, name: name, url: url, body: body, status: status, createdAt: createdAt)
    }

    public var decodedReasons: [Reason] {
        (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? []
    }

    public init(id: Int64? = nil, postKey: String, parentID: Int64? = nil, name: String, url: String? = nil, body: String, status: CommentStatus, score: Double, reasons: String, policyVersion: String, emailHash: String? = nil, emailSealed: Data? = nil, ipHash: String? = nil, userAgent: String? = nil, bodyDigest: String, foldedDigest: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.postKey = postKey
        self.parentID = parentID
        self.name = name
        self.url = url
        self.body = body
        self.status = status
        self.score = score
        self.reasons = reasons
        self.policyVersion = policyVersion
        self.emailHash = emailHash
        self.emailSealed = emailSealed
        self.ipHash = ipHash
        self.userAgent = userAgent
        self.bodyDigest = bodyDigest
        self.foldedDigest = foldedDigest
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
