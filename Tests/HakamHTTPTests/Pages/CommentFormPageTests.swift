import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /form, /embed.js, /hakam.css")
struct CommentFormPageTests {
    @Test func theArabicFormIsRightToLeftWithEveryField() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/form?post=economy-2026", method: .get)
            #expect(response.status == .ok)
            expectSecureHTML(response)
            #expect(response.headers[.cacheControl] == "no-store")
            let html = response.bodyText
            #expect(html.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(html.contains("اترك تعليقاً"))
            #expect(html.contains("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"))
            #expect(html.contains("action=\"/wp-comments-post.php\""))
            for (id, name) in [("hakam-author", "author"), ("hakam-email", "email"), ("hakam-url", "url"), ("hakam-comment", "comment")] {
                #expect(html.contains("<label for=\"\(id)\">"), "label for \(id)")
                #expect(html.contains("id=\"\(id)\" name=\"\(name)\""), "input \(name)")
                #expect(html.contains("id=\"\(id)-error\""), "error slot of \(id)")
            }
            #expect(html.contains("aria-describedby=\"hakam-email-notes hakam-email-error\""))
            #expect(html.contains("aria-invalid=\"false\""))
            #expect(html.contains("role=\"alert\""))
            #expect(html.contains("name=\"wp-comment-cookies-consent\" type=\"checkbox\" value=\"yes\""))
            #expect(!html.contains("wp-comment-cookies-consent\" type=\"checkbox\" value=\"yes\" checked"))
            #expect(html.contains("name=\"hakam_hp\""))
            #expect(formValue(html, name: "comment_post_ID") == "economy-2026")
            let token = try #require(formValue(html, name: "hakam_ts"))
            let check = FormTimingToken(keys: test.services.protector.keys)
                .check(token, post: "economy-2026", now: test.clock.now + 10, settings: FormTimingSettings())
            #expect(check == .ok(seconds: 10))
        }
    }

    @Test func theEnglishFormIsLeftToRight() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let html = try await client.execute(uri: "/form?post=p&lang=en", method: .get).bodyText
            #expect(html.contains("lang=\"en\" dir=\"ltr\""))
            #expect(html.contains("Your email address will not be published. Required fields are marked *"))
            #expect(html.contains("Save my name, email, and website in this browser for the next time I comment."))
            #expect(!html.contains("اترك"))
            // Accept-Language decides when there is no lang parameter.
            let byHeader = try await client.execute(uri: "/form?post=p", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"]).bodyText
            #expect(byHeader.contains("lang=\"en\" dir=\"ltr\""))
        }
    }

    @Test func thePolicyNamesTheAntiBotFields() async throws {
        var policy = TestApp.defaultPolicy
        policy.rules.honeypotField = "website2"
        policy.formTiming.field = "stamp"
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let html = try await client.execute(uri: "/form?post=p", method: .get).bodyText
            #expect(html.contains("name=\"website2\""))
            #expect(formValue(html, name: "stamp") != nil)
            #expect(formValue(html, name: "hakam_ts") == nil)
        }
    }

    @Test func aFormWithoutAnArticleIsABadRequest() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/form", method: .get)
            #expect(response.status == .badRequest)
            expectSecureHTML(response)
        }
    }

    @Test func theArticleKeyIsEscapedInTheForm() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let html = try await client.execute(uri: "/form?post=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get).bodyText
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            expectNoInlineCode(html)
        }
    }

    @Test func theScriptAndStylesheetAreServed() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let script = try await client.execute(uri: "/embed.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.headers[.xContentTypeOptions] == "nosniff")
            #expect(script.bodyText.contains("fetch(base + \"/comments\""))
            #expect(!script.bodyText.contains("innerHTML"))
            let css = try await client.execute(uri: "/hakam.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.bodyText.contains(".hakam-form"))
        }
    }
}
