import Foundation
import HakamCore

/// Links to the previous and next pages of `/comments.html`, when there are several.
struct CommentPagesNavigation {
    let language: Language
    let post: String
    let page: Int
    let perPage: Int
    let pageCount: Int

    func render() -> String {
        guard pageCount > 1 else { return "" }
        let text = PageText(language: language)
        var links: [String] = []
        if page > 1 {
            links.append("<a class=\"hakam-page-previous\" rel=\"prev\" href=\"\(HTMLEscaping.escape(link(page: min(page - 1, pageCount))))\">\(HTMLEscaping.escape(text.previousComments))</a>")
        }
        if page < pageCount {
            links.append("<a class=\"hakam-page-next\" rel=\"next\" href=\"\(HTMLEscaping.escape(link(page: page + 1)))\">\(HTMLEscaping.escape(text.nextComments))</a>")
        }
        return "<nav class=\"hakam-pages\">\(links.joined(separator: " "))</nav>\n"
    }

    /// RFC 3986's unreserved characters: everything else in the post key is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private func link(page: Int) -> String {
        let key = post.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
        var query = "?post=\(key)&page=\(page)"
        if perPage != ListPaging.defaultPerPage { query += "&per_page=\(perPage)" }
        // The page's language, fixed in the link: the bytes of a page depend only on its key.
        return query + "&lang=\(language.rawValue)"
    }
}
