import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /demo")
struct DemoPageTests {
    @Test func theDemoIsAnArabicNewsArticleWithTheForm() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/demo", method: .get)
            #expect(response.status == .ok)
            expectSecureHTML(response)
            #expect(response.headers[.cacheControl] == "no-store")
            let html = response.bodyText
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
            #expect(html.contains("class=\"ticker\""))
            #expect(html.contains(HTMLEscaping.escape(DemoArticle.title)))
            #expect(html.contains("<script src=\"/embed.js\" defer></script>"))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/hakam.css\">"))
            #expect(html.contains("اترك تعليقاً"))
            #expect(formValue(html, name: "redirect_to") == "/demo")
            #expect(formValue(html, name: "comment_post_ID") == DemoArticle.post)
            #expect(!html.contains("id=\"hakam-pending-notice\""))
            // The form comes before the comments, as on the news site.
            let form = try #require(html.range(of: "id=\"commentform\""))
            let thread = try #require(html.range(of: "id=\"comments\""))
            #expect(form.lowerBound < thread.lowerBound)
        }
    }

    @Test func theAuthorSeesTheirPendingCommentAfterTheNoScriptPost() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let page = try await client.execute(uri: "/demo", method: .get).bodyText
            let token = try #require(formValue(page, name: "hakam_ts"))
            test.clock.advance(seconds: 20)
            let posted = try await client.postForm([
                ("author", "ليلى"), ("email", "layla@example.com"), ("url", ""), ("comment", "تعليق ينتظر المراجعة"),
                ("comment_post_ID", DemoArticle.post), ("comment_parent", "0"), ("redirect_to", "/demo"),
                ("hakam_ts", token), ("hakam_hp", ""),
            ], path: "/wp-comments-post.php", language: "ar")
            #expect(posted.status == .seeOther)
            let location = try #require(posted.headers[.location])
            #expect(location.hasPrefix("/demo?unapproved="))

            let back = try await client.execute(uri: location, method: .get)
            expectSecureHTML(back)
            #expect(back.bodyText.contains("<div class=\"hakam-notice\" id=\"hakam-pending-notice\" role=\"status\">تعليقك بانتظار المراجعة.</div>"))
            #expect(back.bodyText.contains("تعليق ينتظر المراجعة"))
            #expect(back.bodyText.contains("hakam-comment-pending"))

            // Without the right hash nobody else sees the pending comment.
            let forged = location.replacingOccurrences(of: "moderation-hash=", with: "moderation-hash=0")
            for uri in [forged, "/demo?unapproved=1&moderation-hash=00000000000000000000000000000000", "/demo?unapproved=1"] {
                let other = try await client.execute(uri: uri, method: .get).bodyText
                #expect(!other.contains("id=\"hakam-pending-notice\""), "\(uri)")
                #expect(!other.contains("تعليق ينتظر المراجعة"), "\(uri)")
            }
        }
    }

    @Test func approvedCommentsAppearBelowTheForm() async throws {
        let test = try TestApp(policy: InjectionTests.openPolicy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            try await client.postJSON(["post": DemoArticle.post, "name": "سامي", "email": "sami@example.com", "body": "مقال جميل عن المكتبة"])
            let html = try await client.execute(uri: "/demo", method: .get).bodyText
            #expect(html.contains("مقال جميل عن المكتبة"))
            #expect(html.contains("تعليق واحد"))
        }
    }
}
