import Foundation

/// A WordPress comment checked and mapped to Hakam's terms, before its private data is
/// protected. Plaintext email and IP live only in this value, on the way to `PrivacyProtector`.
public struct ImportCandidate: Sendable {
    public var site: String
    public var sourceID: String
    public var sourceParentID: String?
    public var postKey: String
    /// Empty when WordPress had no author name (the store writes "Anonymous").
    public var name: String
    public var url: String?
    public var body: String
    public var status: CommentStatus
    /// Nil when the export had no address or one Hakam's parser refuses (the comment is still
    /// imported, like a comment whose author was forgotten).
    public var email: EmailAddress?
    public var hadUnusableEmail: Bool
    public var ip: String?
    public var createdAt: Date
}

/// What to do with one WordPress comment.
public enum ImportDecision: Sendable {
    case candidate(ImportCandidate)
    /// Not a reader's comment (pingbacks, trackbacks, plugin records such as order notes).
    case skip(reason: String)
    /// A comment that cannot become a Hakam comment.
    case fail(reason: String)
}

extension WXRComment {
    /// WordPress's `comment_approved`: 1, 0, spam, trash, and post-trashed for the comments of
    /// a post in the trash.
    static let statuses: [String: CommentStatus] = [
        "1": .approved, "approve": .approved, "0": .pending, "hold": .pending,
        "spam": .spam, "trash": .trash, "post-trashed": .trash,
    ]

    /// Maps the comment as written to a candidate, or says why not. The post key is the one a
    /// WordPress form submission for the same post gets: `comment_post_ID`, which is the item's
    /// `wp:post_id` (or, for files Hakam exported, the key it recorded).
    public func decision() -> ImportDecision {
        switch type {
        case "", "comment": break
        case "pingback", "trackback": return .skip(reason: type)
        default: return .skip(reason: "comment type \(type)")
        }
        guard let sourceNumber = Int64(id), sourceNumber > 0 else { return .fail(reason: "no comment id") }
        guard let status = Self.statuses[approved] else { return .fail(reason: "unknown approval status \"\(approved.prefix(20))\"") }
        let postKey = (postKeyMeta ?? postID).trimmingWhitespace()
        guard !postKey.isEmpty, postKey.count <= SubmissionValidator.postKeyLimit,
              !postKey.unicodeScalars.contains(where: \.properties.isWhitespace)
        else { return .fail(reason: "no usable post id") }
        guard !content.trimmingWhitespace().isEmpty else { return .fail(reason: "empty content") }
        guard let createdAt = ISO8601Timestamp.parseWordPress(dateGMT) ?? ISO8601Timestamp.parseWordPress(date) else {
            return .fail(reason: "no comment date")
        }
        let parentNumber = Int64(parent) ?? 0
        let rawEmail = authorEmail.trimmingWhitespace()
        let email = rawEmail.isEmpty ? nil : try? EmailAddress(parsing: rawEmail)
        let url = authorURL.trimmingWhitespace()
        let ip = authorIP.trimmingWhitespace()
        return .candidate(ImportCandidate(
            site: site, sourceID: String(sourceNumber), sourceParentID: parentNumber > 0 ? String(parentNumber) : nil,
            postKey: postKey, name: author.trimmingWhitespace(),
            url: url.isEmpty || url == "http://" ? nil : url, body: content, status: status,
            email: email, hadUnusableEmail: !rawEmail.isEmpty && email == nil, ip: ip.isEmpty ? nil : ip,
            createdAt: createdAt))
    }
}
