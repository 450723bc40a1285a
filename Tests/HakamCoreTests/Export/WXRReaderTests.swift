import Foundation
import Testing
@testable import HakamCore

@Suite("WXR reader")
struct WXRReaderTests {
    static func document(items: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        \t<title>Site</title>
        \t<link>https://news.example</link>
        \t<wp:wxr_version>1.2</wp:wxr_version>
        \t<wp:base_site_url>https://news.example</wp:base_site_url>
        \(items)
        </channel>
        </rss>
        """
    }

    static let item = """
        \t<item>
        \t\t<title>Hello</title>
        \t\t<wp:post_id>42</wp:post_id>
        \t\t<wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
        \t\t<wp:comment>
        \t\t\t<wp:comment_id>7</wp:comment_id>
        \t\t\t<wp:comment_author><![CDATA[سارة]]></wp:comment_author>
        \t\t\t<wp:comment_author_email>sara@example.com</wp:comment_author_email>
        \t\t\t<wp:comment_author_url>https://sara.example/?a=1&amp;b=2</wp:comment_author_url>
        \t\t\t<wp:comment_author_IP>198.51.100.4</wp:comment_author_IP>
        \t\t\t<wp:comment_date>2020-05-01 15:00:00</wp:comment_date>
        \t\t\t<wp:comment_date_gmt>2020-05-01 12:00:00</wp:comment_date_gmt>
        \t\t\t<wp:comment_content><![CDATA[مقال <b>رائع</b>]]></wp:comment_content>
        \t\t\t<wp:comment_approved>1</wp:comment_approved>
        \t\t\t<wp:comment_type>comment</wp:comment_type>
        \t\t\t<wp:comment_parent>0</wp:comment_parent>
        \t\t\t<wp:commentmeta><wp:meta_key>akismet_result</wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta>
        \t\t</wp:comment>
        \t</item>
        """

    func read(_ text: String) throws -> [WXRComment] {
        var comments: [WXRComment] = []
        try WXRReader(stream: InputStream(data: Data(text.utf8))).read { comments.append($0) }
        return comments
    }

    @Test func readsAWordPressComment() throws {
        let text = Self.document(items: Self.item)
        let comments = try read(text)
        let comment = try #require(comments.first)
        #expect(comments.count == 1)
        #expect(comment.site == "https://news.example" && comment.postID == "42" && comment.postKeyMeta == nil)
        #expect(comment.id == "7" && comment.parent == "0" && comment.author == "سارة")
        #expect(comment.authorURL == "https://sara.example/?a=1&b=2" && comment.content == "مقال <b>رائع</b>")
        #expect(comment.line == text.components(separatedBy: "\n").firstIndex { $0.contains("<wp:comment>") }! + 1)
        guard case .candidate(let candidate) = comment.decision() else { Issue.record("not a candidate"); return }
        #expect(candidate.postKey == "42" && candidate.status == .approved && candidate.sourceParentID == nil)
        #expect(candidate.createdAt == Date(timeIntervalSince1970: 1_588_334_400))
        #expect(candidate.email?.normalized == "sara@example.com" && candidate.ip == "198.51.100.4")
    }

    @Test func malformedXMLReportsItsLine() throws {
        let broken = Self.document(items: Self.item.replacingOccurrences(of: "</wp:comment_type>", with: "</wp:comment_typo>"))
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("</wp:comment_typo>") }! + 1
        #expect {
            try read(broken)
        } throws: { error in
            guard case WXRReadError.malformed(let reported, _, _) = error else { return false }
            return reported == line
        }
    }

    @Test func aTruncatedFileIsAnError() throws {
        let full = Self.document(items: Self.item)
        let cut = String(full.prefix(full.count - 40))
        #expect(throws: WXRReadError.self) { try read(cut) }
        #expect(throws: WXRReadError.notWXR) { try read("<html><body>hi</body></html>") }
    }

    /// Elements are matched by their `wp:` names, whatever version of the export namespace the
    /// prefix is bound to (WordPress's parsers look at the prefix too); an undeclared prefix is
    /// not XML.
    @Test func theWPPrefixIsMatchedAsWordPressDoes() throws {
        let current = Self.document(items: Self.item)
        let older = current.replacingOccurrences(of: "http://wordpress.org/export/1.2/", with: "http://wordpress.org/export/1.1/")
        #expect(older != current)
        #expect(try read(older) == read(current))
        let undeclared = current.replacingOccurrences(of: " xmlns:wp=\"http://wordpress.org/export/1.2/\"", with: "")
        #expect {
            try read(undeclared)
        } throws: { error in
            guard case WXRReadError.malformed(_, _, let message) = error else { return false }
            return message.contains("prefix wp:")
        }
    }

    @Test func aFileWithCRLFLineEndsReadsTheSame() throws {
        let lf = Self.document(items: Self.item)
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Array(crlf.utf8).count > Array(lf.utf8).count)
        #expect(try read(crlf) == read(lf))
    }

    @Test func aDocumentTypeDeclarationIsRefused() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
            + Self.document(items: Self.item).replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n", with: "")
        #expect {
            try read(laughs)
        } throws: { error in
            guard case WXRReadError.malformed(2, _, let message) = error else { return false }
            return message.contains("DOCTYPE")
        }
    }

    @Test(arguments: [
        ("1", CommentStatus.approved), ("0", .pending), ("spam", .spam), ("trash", .trash), ("post-trashed", .trash),
    ])
    func statusesMap(approved: String, status: CommentStatus) {
        var comment = WXRComment()
        (comment.id, comment.postID, comment.content, comment.dateGMT, comment.approved) = ("3", "9", "hi", "2020-01-01 00:00:00", approved)
        guard case .candidate(let candidate) = comment.decision() else { Issue.record("not a candidate"); return }
        #expect(candidate.status == status)
    }

    @Test func pingbacksAreSkippedAndBrokenCommentsFail() {
        var comment = WXRComment()
        (comment.id, comment.postID, comment.content, comment.dateGMT, comment.approved) = ("3", "9", "hi", "2020-01-01 00:00:00", "1")
        comment.type = "pingback"
        guard case .skip("pingback") = comment.decision() else { Issue.record("pingback not skipped"); return }
        comment.type = ""
        comment.content = "  \n"
        guard case .fail("empty content") = comment.decision() else { Issue.record("empty content accepted"); return }
        comment.content = "hi"
        comment.approved = "weird"
        guard case .fail = comment.decision() else { Issue.record("unknown status accepted"); return }
        comment.approved = "0"
        comment.authorEmail = "not an address"
        guard case .candidate(let candidate) = comment.decision() else { Issue.record("bad email refused"); return }
        #expect(candidate.email == nil && candidate.hadUnusableEmail)
    }
}
