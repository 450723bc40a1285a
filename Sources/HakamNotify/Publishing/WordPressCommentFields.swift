import Foundation
import HakamCore
import HakamStore

/// The body of a REST comment create or update (`/wp/v2/comments`). Built only from a
/// `PublishableComment`, which has no private field: the email is a per-comment placeholder on
/// the reserved `hakam.invalid` domain (WordPress wants one when the site requires name and
/// email; it also marks the copy, see `WordPressPublisher`), the IP a fixed loopback address.
/// The user agent WordPress records is the request's own (`NIOHTTPPoster` sends `Hakam`).
struct WordPressCommentFields: Encodable, Equatable {
    var post: Int64?
    var parent: Int64?
    var authorName: String?
    var authorURL: String?
    var authorEmail: String?
    var authorIP: String?
    var dateGMT: String?
    var content: String?
    var status: String?

    enum CodingKeys: String, CodingKey {
        case post, parent, content, status
        case authorName = "author_name", authorURL = "author_url", authorEmail = "author_email", authorIP = "author_ip"
        case dateGMT = "date_gmt"
    }

    /// The address that stands for the author of Hakam comment `id`: never a real one.
    static func placeholderEmail(commentID: Int64) -> String { "hakam-\(commentID)@hakam.invalid" }
    /// What WordPress records as the author's IP (it would take the publisher's own otherwise).
    static let placeholderIP = "127.0.0.1"

    /// Everything, for a new copy.
    static func create(_ comment: PublishableComment, post: Int64, parent: Int64) -> WordPressCommentFields {
        WordPressCommentFields(
            post: post, parent: parent, authorName: comment.name, authorURL: comment.url ?? "",
            authorEmail: placeholderEmail(commentID: comment.id), authorIP: placeholderIP,
            dateGMT: ISO8601Timestamp.wordPressGMT(comment.createdAt).replacingOccurrences(of: " ", with: "T"),
            content: content(comment.body), status: "approved")
    }

    /// An approved comment's copy brought up to date: status, and the author as Hakam has it
    /// now (after `hakam forget`: "Anonymous" and no URL).
    static func refresh(_ comment: PublishableComment) -> WordPressCommentFields {
        WordPressCommentFields(authorName: comment.name, authorURL: comment.url ?? "", content: content(comment.body), status: "approved")
    }

    /// A copy that must stop showing: `hold`, `spam` or `trash` as WordPress names them. With one
    /// other field (the IP it already has): WordPress answers a status-only update that changes
    /// nothing (a replay) with 500 `rest_comment_failed_edit`, but not a fuller one.
    static func moderated(_ status: CommentStatus) -> WordPressCommentFields {
        let name = switch status {
        case .approved: "approved"
        case .pending: "hold"
        case .spam: "spam"
        case .trash: "trash"
        }
        return WordPressCommentFields(authorIP: placeholderIP, status: name)
    }

    /// Hakam bodies are plain text (its own pages escape them); WordPress stores comment HTML
    /// and an administrator's Application Password may store any markup unfiltered, so the text
    /// is escaped here: `<script>` reaches readers as text. Line breaks stay (WordPress turns
    /// them into paragraphs).
    static func content(_ body: String) -> String { HTMLEscaping.escapeContent(body) }
}
