import Foundation
import HakamCore
import HakamStore

/// The `--json` shapes of moderation commands. Built only from `ModeratedComment` and audit
/// records, so no email, IP or hash can appear in them.
enum ModerationJSON {
    struct Comment: Encodable {
        var id: Int64
        var post: String
        var parent: Int64?
        var name: String
        var url: String?
        var body: String
        var status: CommentStatus
        var score: Double
        var reasons: [Reason]
        var policyVersion: String
        var createdAt: Date
        var updatedAt: Date

        init(_ comment: ModeratedComment) {
            id = comment.id
            post = comment.postKey
            parent = comment.parentID
            name = comment.name
            url = comment.url
            body = comment.body
            status = comment.status
            score = comment.score
            reasons = comment.reasons
            policyVersion = comment.policyVersion
            createdAt = comment.createdAt
            updatedAt = comment.updatedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, post, parent, name, url, body, status, score, reasons
            case policyVersion = "policy_version"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(post, forKey: .post)
            try container.encode(parent, forKey: .parent)
            try container.encode(name, forKey: .name)
            try container.encode(url, forKey: .url)
            try container.encode(body, forKey: .body)
            try container.encode(status, forKey: .status)
            try container.encode(score, forKey: .score)
            try container.encode(reasons, forKey: .reasons)
            try container.encode(policyVersion, forKey: .policyVersion)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(updatedAt, forKey: .updatedAt)
        }
    }

    struct Event: Encodable {
        var id: Int64?
        var commentID: Int64
        var actor: String
        var action: String
        var from: CommentStatus?
        var to: CommentStatus
        var note: String?
        var createdAt: Date

        init(_ event: ModerationEventRecord) {
            id = event.id
            commentID = event.commentID
            actor = event.actor
            action = event.action
            from = event.fromStatus
            to = event.toStatus
            note = event.note
            createdAt = event.createdAt
        }

        enum CodingKeys: String, CodingKey {
            case id, actor, action, from, to, note
            case commentID = "comment_id"
            case createdAt = "created_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(commentID, forKey: .commentID)
            try container.encode(actor, forKey: .actor)
            try container.encode(action, forKey: .action)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(note, forKey: .note)
            try container.encode(createdAt, forKey: .createdAt)
        }
    }

    /// One compact JSON value and a newline; keys sorted, dates ISO 8601.
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
