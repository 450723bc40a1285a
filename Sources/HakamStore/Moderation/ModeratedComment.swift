import Foundation
import GRDB
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

    /// The columns `init(row:)` reads; never the private ones themselves.
    static let selection = """
        id, post_key, parent_id, name, url, body, status, score, reasons, policy_version,
        email_sealed IS NOT NULL AS has_sealed_email, email_hash IS NOT NULL AS author_known,
        created_at, updated_at
        """

    init(row: Row) {
        id = row["id"]
        postKey = row["post_key"]
        parentID = row["parent_id"]
        name = row["name"]
        url = row["url"]
        body = row["body"]
        status = row["status"]
        score = row["score"]
        let reasonsJSON: String = row["reasons"]
        reasons = (try? JSONDecoder().decode([Reason].self, from: Data(reasonsJSON.utf8))) ?? []
        policyVersion = row["policy_version"]
        hasSealedEmail = row["has_sealed_email"]
        isAuthorKnown = row["author_known"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    static func fetchOne(_ db: Database, id: Int64) throws -> ModeratedComment? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM comments WHERE id = ?", arguments: [id]).map(ModeratedComment.init(row:))
    }
}
