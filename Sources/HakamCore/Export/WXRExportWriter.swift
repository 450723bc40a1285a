import Foundation

/// WordPress eXtended RSS 1.2, the format of WordPress's Tools → Export and of its importer
/// plugin: an RSS channel with one `item` per post and its comments as `wp:comment` elements.
///
/// Hakam knows an article only by its post key, so each item is a placeholder post titled
/// with the key. `wp:post_id` is the key when the key is a number (a WordPress post id, as the
/// WordPress form sends it) and otherwise a stand-in id; the key itself travels in the
/// `hakam_post_key` post meta, which `hakam import` reads back. Emails and IP addresses are
/// written as empty elements: the format has them, an export never does.
public struct WXRExportWriter: ExportWriter {
    public static let defaultSiteURL = "urn:hakam:export"
    public static let postKeyMeta = "hakam_post_key"
    /// Stand-in post ids for non-numeric keys start here, far above real WordPress ids.
    static let standInPostIDBase: Int64 = 4_000_000_000

    public let siteURL: String
    private var currentPost: String?
    private var standInCount: Int64 = 0

    public init(siteURL: String = defaultSiteURL) {
        self.siteURL = siteURL
    }

    public func begin(exportedAt: Date, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!-- Approved comments exported by Hakam. Emails and IP addresses are never exported. -->
            <rss version="2.0"
            \txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
            \txmlns:content="http://purl.org/rss/1.0/modules/content/"
            \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
            \txmlns:dc="http://purl.org/dc/elements/1.1/"
            \txmlns:wp="http://wordpress.org/export/1.2/"
            >
            <channel>
            \t<title>Hakam comments</title>
            \t<link>
            """.utf8)
        XMLText.appendEscaped(siteURL, to: &buffer)
        buffer.append(contentsOf: "</link>\n\t<description>Approved comments exported by Hakam</description>\n\t<pubDate>".utf8)
        buffer.append(contentsOf: Self.rfc822(exportedAt).utf8)
        buffer.append(contentsOf: "</pubDate>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>".utf8)
        XMLText.appendEscaped(siteURL, to: &buffer)
        buffer.append(contentsOf: "</wp:base_site_url>\n\t<wp:base_blog_url>".utf8)
        XMLText.appendEscaped(siteURL, to: &buffer)
        buffer.append(contentsOf: "</wp:base_blog_url>\n".utf8)
    }

    public mutating func write(_ comment: PublicComment, into buffer: inout [UInt8]) {
        if comment.post != currentPost {
            if currentPost != nil { buffer.append(contentsOf: "\t</item>\n".utf8) }
            openItem(for: comment, into: &buffer)
            currentPost = comment.post
        }
        let date = ISO8601Timestamp.wordPressGMT(comment.createdAt)
        buffer.append(contentsOf: "\t\t<wp:comment>\n\t\t\t<wp:comment_id>".utf8)
        buffer.append(contentsOf: String(comment.id).utf8)
        buffer.append(contentsOf: "</wp:comment_id>\n\t\t\t<wp:comment_author>".utf8)
        XMLText.appendCDATA(comment.name, to: &buffer)
        buffer.append(contentsOf: "</wp:comment_author>\n\t\t\t<wp:comment_author_email></wp:comment_author_email>\n\t\t\t<wp:comment_author_url>".utf8)
        // CDATA, not escaped text: the importer's regex parser (its fallback) reads element
        // text without decoding entities, so `&amp;` would reach WordPress as it is.
        if let url = comment.url { XMLText.appendCDATA(url, to: &buffer) }
        buffer.append(contentsOf: "</wp:comment_author_url>\n\t\t\t<wp:comment_author_IP></wp:comment_author_IP>\n\t\t\t<wp:comment_date>".utf8)
        buffer.append(contentsOf: date.utf8)
        buffer.append(contentsOf: "</wp:comment_date>\n\t\t\t<wp:comment_date_gmt>".utf8)
        buffer.append(contentsOf: date.utf8)
        buffer.append(contentsOf: "</wp:comment_date_gmt>\n\t\t\t<wp:comment_content>".utf8)
        XMLText.appendCDATA(comment.body, to: &buffer)
        buffer.append(contentsOf: "</wp:comment_content>\n\t\t\t<wp:comment_approved>".utf8)
        buffer.append(contentsOf: (comment.status == .approved ? "1" : "0").utf8)
        buffer.append(contentsOf: "</wp:comment_approved>\n\t\t\t<wp:comment_type>comment</wp:comment_type>\n\t\t\t<wp:comment_parent>".utf8)
        buffer.append(contentsOf: String(comment.parent ?? 0).utf8)
        buffer.append(contentsOf: "</wp:comment_parent>\n\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n".utf8)
    }

    public func finish(into buffer: inout [UInt8]) {
        if currentPost != nil { buffer.append(contentsOf: "\t</item>\n".utf8) }
        buffer.append(contentsOf: "</channel>\n</rss>\n".utf8)
    }

    private mutating func openItem(for comment: PublicComment, into buffer: inout [UInt8]) {
        let postID: Int64
        if let numeric = Int64(comment.post), numeric > 0, String(numeric) == comment.post {
            postID = numeric
        } else {
            standInCount += 1
            postID = Self.standInPostIDBase + standInCount
        }
        let date = ISO8601Timestamp.wordPressGMT(comment.createdAt)
        buffer.append(contentsOf: "\t<item>\n\t\t<title>".utf8)
        XMLText.appendCDATA(comment.post, to: &buffer)
        buffer.append(contentsOf: "</title>\n\t\t<pubDate>".utf8)
        buffer.append(contentsOf: Self.rfc822(comment.createdAt).utf8)
        buffer.append(contentsOf: "</pubDate>\n\t\t<dc:creator><![CDATA[hakam]]></dc:creator>\n\t\t<guid isPermaLink=\"false\">".utf8)
        XMLText.appendEscaped(siteURL + "#post-" + comment.post, to: &buffer)
        buffer.append(contentsOf: "</guid>\n\t\t<description></description>\n\t\t<content:encoded><![CDATA[]]></content:encoded>\n\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n\t\t<wp:post_id>".utf8)
        buffer.append(contentsOf: String(postID).utf8)
        buffer.append(contentsOf: "</wp:post_id>\n\t\t<wp:post_date>".utf8)
        buffer.append(contentsOf: date.utf8)
        buffer.append(contentsOf: "</wp:post_date>\n\t\t<wp:post_date_gmt>".utf8)
        buffer.append(contentsOf: date.utf8)
        buffer.append(contentsOf: "</wp:post_date_gmt>\n\t\t<wp:comment_status>open</wp:comment_status>\n\t\t<wp:ping_status>closed</wp:ping_status>\n\t\t<wp:post_name>".utf8)
        XMLText.appendCDATA(comment.post, to: &buffer)
        buffer.append(contentsOf: "</wp:post_name>\n\t\t<wp:status>publish</wp:status>\n\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n\t\t<wp:post_type>post</wp:post_type>\n\t\t<wp:post_password></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>".utf8)
        buffer.append(contentsOf: Self.postKeyMeta.utf8)
        buffer.append(contentsOf: "</wp:meta_key>\n\t\t\t<wp:meta_value>".utf8)
        XMLText.appendCDATA(comment.post, to: &buffer)
        buffer.append(contentsOf: "</wp:meta_value>\n\t\t</wp:postmeta>\n".utf8)
    }

    /// RSS dates (RFC 822 with a four-digit year), in UTC.
    static func rfc822(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
