import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Injection attempts render as inert text")
struct InjectionTests {
    static let attacks = [
        "<script>alert('name')</script>",
        "\"><img src=x onerror=alert(1)>",
        "</textarea><svg onload=alert(2)>",
        "' onmouseover='alert(3)",
        "<a href=\"javascript:alert(4)\">click</a>",
    ]

    static var openPolicy: Policy {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        policy.flood.enabled = false
        policy.duplicates.enabled = false
        policy.formTiming.enabled = false
        return policy
    }

    @Test func storedAttacksAreEscapedInEveryView() async throws {
        let test = try TestApp(policy: Self.openPolicy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            for (index, attack) in Self.attacks.enumerated() {
                let created = try await client.postJSON([
                    "post": DemoArticle.post, "name": "n\(index) \(attack)", "email": "r\(index)@example.com",
                    "url": "https://example.com/?q=%22%3E%3Cscript%3Ealert(\(index))%3C/script%3E", "body": "b\(index) \(attack)",
                ])
                try #require(created.status == .created, "\(created.bodyText)")
                #expect(created.headers[.contentType] == "application/json; charset=utf-8")
            }
            for path in ["/comments.html?post=\(DemoArticle.post)", "/demo"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                expectSecureHTML(response)
                let html = response.bodyText
                for attack in Self.attacks {
                    #expect(!html.contains(attack), "\(path) renders \(attack) as markup")
                    #expect(html.contains(HTMLEscaping.escape(attack)), "\(path) lost \(attack)")
                }
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                // A raw `"><` in a website is refused (422, see BadInputCatalogueTests); the
                // percent-encoded form is a valid URL and stays inside the attribute.
                #expect(html.contains("href=\"https://example.com/?q=%22%3E%3Cscript%3Ealert("))
            }
            // The JSON API returns the text as data, which the browser never parses as HTML.
            let json = try await client.execute(uri: "/comments?post=\(DemoArticle.post)", method: .get)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let decoded = try JSONSerialization.jsonObject(with: Data(json.bodyText.utf8)) as? [String: Any]
            let bodies = (decoded?["comments"] as? [[String: Any]])?.compactMap { $0["body"] as? String } ?? []
            #expect(bodies == Self.attacks.enumerated().map { "b\($0.offset) \($0.element)" })
        }
    }

    @Test func aJavaScriptWebsiteIsRefusedAndNeverLinked() async throws {
        let test = try TestApp(policy: Self.openPolicy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(["post": "p", "name": "x", "email": "x@example.com", "url": "javascript:alert(1)", "body": "hi"], language: "ar")
            #expect(response.status == .init(code: 422))
            #expect(response.bodyText.contains("\"url\""))
        }
        // Data that reached the database another way (an import) is still never a link.
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"] {
            let comment = PublicComment(id: 1, post: "p", parent: nil, name: "Mallory", url: url, body: "hi", status: .approved, createdAt: Date())
            let html = CommentThreadView(language: .english, comments: [comment]).render()
            #expect(!html.contains("href="), "\(url) became a link")
            #expect(html.contains("<b class=\"hakam-author\">Mallory</b>"))
            expectNoInlineCode(html)
        }
    }

    @Test func newlinesBecomeParagraphsOfEscapedText() {
        #expect(CommentThreadView.paragraphs("a<b\nc\r\n\r\n<i>d</i>") == "<p>a&lt;b<br>c</p><p>&lt;i&gt;d&lt;/i&gt;</p>")
    }
}
