import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

@Suite("POST /wp-comments-post.php")
struct WordPressFormTests {
    func form(post: String = "42", author: String = "ليلى", email: String = "layla@example.com", text: String = "تعليق من النموذج", redirectTo: String? = nil, parent: String = "0") -> [(String, String)] {
        var fields = [("author", author), ("email", email), ("url", ""), ("comment", text), ("comment_post_ID", post), ("comment_parent", parent), ("wp-comment-cookies-consent", "yes")]
        if let redirectTo { fields.append(("redirect_to", redirectTo)) }
        return fields
    }

    @Test func pendingCommentRedirectsWithUnapprovedAndModerationHash() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm(form(redirectTo: "https://news.example/2026/11/article/"), path: "/wp-comments-post.php")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            let id = try #require(try await test.commentIDs().first)
            let stored = try #require(try await test.database.comment(id: id))
            let hash = test.services.protector.moderationHash(commentID: id, createdAt: stored.createdAt)
            #expect(location == "https://news.example/2026/11/article/?unapproved=\(id)&moderation-hash=\(hash)#comment-\(id)")
            #expect(stored.postKey == "42")
            #expect(stored.name == "ليلى")
        }
    }

    @Test func approvedCommentRedirectsToTheFragmentOnly() async throws {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm(form(redirectTo: "https://news.example/a?x=1#top"), path: "/wp-comments-post.php")
            let id = try #require(try await test.commentIDs().first)
            #expect(response.headers[.location] == "https://news.example/a?x=1#comment-\(id)")
        }
    }

    @Test(arguments: [
        "https://evil.example/phish", "//evil.example/x", "https://news.example.evil.example/", "javascript:alert(1)",
        "https://news.example/\r\nSet-Cookie: a=b", "/\\evil.example", "https://user@news.example/",
    ])
    func neverRedirectsOffSite(_ redirectTo: String) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm(form(redirectTo: redirectTo), path: "/wp-comments-post.php")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/?unapproved="), "\(location)")
            #expect(!location.contains("evil"))
            #expect(!location.contains("\r") && !location.contains("\n"))
        }
    }

    @Test func fallsBackToAnAllowedReferer() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm(form(redirectTo: "https://evil.example/"), path: "/wp-comments-post.php",
                                                      extraHeaders: [.referer: "https://news.example/story"])
            #expect(response.headers[.location]?.hasPrefix("https://news.example/story?unapproved=") == true)
        }
    }

    @Test func errorsAreAnHTMLPageInTheReadersLanguage() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let arabic = try await client.postForm(form(author: "", email: "bad", text: "<b>x</b>"), path: "/wp-comments-post.php", language: "ar",
                                                   extraHeaders: [.referer: "https://news.example/story"])
            #expect(arabic.status == .unprocessableContent)
            #expect(arabic.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = arabic.bodyText
            #expect(page.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(page.contains("حقل «الاسم» مطلوب."))
            #expect(page.contains(#"href="https://news.example/story""#))
            #expect(!page.contains("bad@"))

            let english = try await client.postForm(form(text: ""), path: "/wp-comments-post.php", language: "en")
            #expect(english.bodyText.contains(#"<html lang="en" dir="ltr">"#))
            #expect(english.bodyText.contains("Comment is required."))
            #expect(english.bodyText.contains(#"href="/""#))
            #expect(try await test.commentCount() == 0)
        }
    }

    @Test func duplicateIs409AsHTML() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.postForm(form(), path: "/wp-comments-post.php").status == .seeOther)
            test.clock.advance(seconds: 60)
            let again = try await client.postForm(form(), path: "/wp-comments-post.php")
            #expect(again.status == .conflict)
            #expect(again.bodyText.contains("already said that"))
        }
    }

    @Test func jsonIsRefusedWith415() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(["author": "x"], path: "/wp-comments-post.php")
            #expect(response.status == .unsupportedMediaType)
        }
    }
}
