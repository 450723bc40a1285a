import Foundation
import HakamCore

/// Approved comments as threaded HTML (WordPress's `ol.commentlist` shape). Stored text is
/// escaped and shown as text, never as HTML; a website becomes a link only when it is http(s).
struct CommentThreadView {
    let language: Language
    let comments: [PublicComment]
    /// The author's own pending comment (verified `moderation-hash`), shown with the notice.
    var pending: PublicComment? = nil
    /// Published comments of the whole article, when `comments` is one page of them.
    var total: Int? = nil
    /// Links to the other pages (`CommentPagesNavigation`), below the list.
    var navigation = ""

    func render() -> String {
        let text = PageText(language: language)
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        var all = comments
        if let pending, !all.contains(where: { $0.id == pending.id }) { all.append(pending) }
        let ids = Set(all.map(\.id))
        // A reply whose parent is no longer published is shown at the top level.
        var children: [Int64: [PublicComment]] = [:]
        var roots: [PublicComment] = []
        for comment in all {
            if let parent = comment.parent, ids.contains(parent), parent != comment.id {
                children[parent, default: []].append(comment)
            } else {
                roots.append(comment)
            }
        }
        let list = roots.isEmpty
            ? "<p class=\"hakam-empty\">\(HTMLEscaping.escape(text.noComments))</p>"
            : "<ol class=\"hakam-comments\">\n\(roots.map { item($0, children: children, depth: 1, text: text) }.joined())</ol>"
        return """
        <section class="hakam-thread" id="comments" lang="\(language.rawValue)" dir="\(direction)" aria-labelledby="hakam-comments-title">
        <h3 id="hakam-comments-title">\(HTMLEscaping.escape(text.commentCount(total ?? comments.count)))</h3>
        \(list)
        \(navigation)</section>
        """
    }

    private func item(_ comment: PublicComment, children: [Int64: [PublicComment]], depth: Int, text: PageText) -> String {
        let e = HTMLEscaping.escape
        let isPending = comment.status != .approved
        var author = "<b class=\"hakam-author\">\(e(comment.name))</b>"
        if let url = comment.url, Self.isWebLink(url) {
            author = "<b class=\"hakam-author\"><a href=\"\(e(url))\" rel=\"external nofollow ugc noopener\">\(e(comment.name))</a></b>"
        }
        let notice = isPending ? "<p class=\"hakam-pending\" role=\"status\">\(e(text.awaitingModeration))</p>\n" : ""
        // Depth is capped so a long chain of replies stays readable (WordPress's thread_comments_depth).
        let replies = (children[comment.id] ?? []).map { item($0, children: children, depth: min(depth + 1, 5), text: text) }.joined()
        let nested = replies.isEmpty ? "" : "<ol class=\"children\">\n\(replies)</ol>\n"
        return """
        <li class="hakam-comment depth-\(depth)\(isPending ? " hakam-comment-pending" : "")" id="comment-\(comment.id)">
        <article class="hakam-comment-body">
        <header class="hakam-comment-meta">\(author) <span class="says">\(e(text.says))</span>
        <time datetime="\(CommentDateFormat.machine(comment.createdAt))">\(e(CommentDateFormat.display(comment.createdAt, language: language)))</time></header>
        \(notice)<div class="hakam-comment-content">\(Self.paragraphs(comment.body))</div>
        </article>
        \(nested)</li>

        """
    }

    /// Blank lines separate paragraphs, single newlines become `<br>`; everything escaped first.
    static func paragraphs(_ body: String) -> String {
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n")
        return normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + HTMLEscaping.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
            .joined()
    }

    /// Only http and https become links: `javascript:`, `data:` and the like stay text.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !lower.contains(where: { $0.isWhitespace })
    }
}
