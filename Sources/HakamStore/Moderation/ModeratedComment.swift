import Foundation
import HakamCore

/// A comment as a moderator sees it: everything but the private data. No email, IP or hash
/// can reach the CLI's output through this type — only whether a sealed email exists.
public struct ModeratedComment: Sendable, Equatable {
    public var id: Int64
    public var postKey: String
    public var parentID: Int64?
    public var name: String
    public var url: String?
    public var body: String
    public var status: CommentStatus
    public var score: Double
    public var reasons: [Reason]
    public var policyVersion: String
    public var hasSealedEmail: Bool
    /// False after `forget`: the author can no longer be matched (no bans, no history).
    public var isAuthorKnown: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, postKey: String, parentID: Int64?, name: String, url: String?, body: String, status: CommentStatus,
        score: Double, reasons: [Reason], policyVersion: String, hasSealedEmail: Bool, isAuthorKnown: Bool,
        createdAt: Date, updatedAt: Date
    ) {
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
        self.hasSealedEmail = hasSealedEmail
        self.isAuthorKnown = isAuthorKnown
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
