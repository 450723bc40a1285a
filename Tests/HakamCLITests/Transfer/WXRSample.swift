import Foundation

/// Builds WordPress-style export files for the import tests.
struct WXRSample {
    struct Comment {
        var id: Int
        var post: Int
        var parent: Int = 0
        var author: String
        var email: String
        var ip: String
        var url: String = ""
        var body: String
        var approved: String = "1"
        var type: String = "comment"
        var date: String = "2021-03-04 05:06:07"
    }

    var site = "https://news.example"
    var comments: [Comment]

    var xml: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>News</title>
            <link>\(site)</link>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>\(site)</wp:base_site_url>

            """
        let posts = Dictionary(grouping: comments, by: \.post).sorted { $0.key < $1.key }
        for (post, comments) in posts {
            out += "<item>\n<title>Post \(post)</title>\n<wp:post_id>\(post)</wp:post_id>\n<wp:post_type>post</wp:post_type>\n"
            for c in comments {
                out += """
                    <wp:comment>
                    <wp:comment_id>\(c.id)</wp:comment_id>
                    <wp:comment_author><![CDATA[\(c.author)]]></wp:comment_author>
                    <wp:comment_author_email>\(c.email)</wp:comment_author_email>
                    <wp:comment_author_url>\(c.url)</wp:comment_author_url>
                    <wp:comment_author_IP>\(c.ip)</wp:comment_author_IP>
                    <wp:comment_date>\(c.date)</wp:comment_date>
                    <wp:comment_date_gmt>\(c.date)</wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[\(c.body)]]></wp:comment_content>
                    <wp:comment_approved>\(c.approved)</wp:comment_approved>
                    <wp:comment_type>\(c.type)</wp:comment_type>
                    <wp:comment_parent>\(c.parent)</wp:comment_parent>
                    <wp:comment_user_id>0</wp:comment_user_id>
                    </wp:comment>

                    """
            }
            out += "</item>\n"
        }
        return out + "</channel>\n</rss>\n"
    }

    /// A thread with Arabic and English authors, a reply listed before its parent, a pending
    /// comment, spam, trash and a pingback.
    static let thread = WXRSample(comments: [
        Comment(id: 12, post: 5, parent: 10, author: "Sara", email: "sara.private@example.com", ip: "198.51.100.12",
                body: "Replying = agreeing, mostly.", date: "2021-03-04 06:00:00"),
        Comment(id: 10, post: 5, author: "أحمد", email: "ahmad.private@example.org", ip: "198.51.100.10",
                url: "https://ahmad.example/?a=1&amp;b=2", body: "تحليل ممتاز، شكراً\nسطر ثانٍ", date: "2021-03-04 05:00:00"),
        Comment(id: 11, post: 5, author: "Mona", email: "mona.private@example.net", ip: "2001:db8::11",
                body: "@everyone read this", approved: "0", date: "2021-03-04 05:30:00"),
        Comment(id: 13, post: 8, author: "Spammer", email: "spam.private@example.com", ip: "203.0.113.13",
                body: "cheap pills", approved: "spam"),
        Comment(id: 14, post: 8, author: "Old", email: "old.private@example.com", ip: "203.0.113.14",
                body: "removed", approved: "trash"),
        Comment(id: 15, post: 8, author: "Blog", email: "", ip: "203.0.113.15", body: "pinged you", type: "pingback"),
        Comment(id: 16, post: 8, author: "Reader", email: "reader.private@example.com", ip: "203.0.113.16",
                body: "-1 for this article", date: "2021-03-05 00:00:00"),
    ])

    static var privateValues: [String] {
        thread.comments.flatMap { [$0.email, $0.ip] }.filter { !$0.isEmpty }
    }
}
