import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /comments.html")
struct CommentsHTMLTests {
    @Test func approvedCommentsAreThreadedWithDatesInTheReadersLanguage() async throws {
        let test = try TestApp(policy: InjectionTests.openPolicy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let first = try await client.postJSON(["post": "p", "name": "أحمد", "email": "a@example.com", "body": "تعليق أول"])
            let id = try #require((try JSONSerialization.jsonObject(with: Data(first.bodyText.utf8)) as? [String: Any])?["id"] as? Int)
            try await client.postJSON(["post": "p", "name": "Sara", "email": "s@example.com", "body": "A reply", "parent": id])
            try await client.postJSON(["post": "other", "name": "Omar", "email": "o@example.com", "body": "elsewhere"])

            let arabic = try await client.execute(uri: "/comments.html?post=p", method: .get)
            #expect(arabic.status == .ok)
            expectSecureHTML(arabic)
            let html = arabic.bodyText
            #expect(html.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(html.contains("تعليقان"))
            #expect(html.contains("id=\"comment-\(id)\""))
            #expect(html.contains("<ol class=\"children\">"))
            #expect(!html.contains("elsewhere"))
            // The test clock's date, 2027-01-15, with an Arabic month name; the machine date alongside.
            #expect(html.contains("يناير"))
            #expect(html.contains("datetime=\"2027-01-15T08:00:00.000Z\""))
            let english = try await client.execute(uri: "/comments.html?post=p&lang=en", method: .get).bodyText
            #expect(english.contains("lang=\"en\" dir=\"ltr\""))
            #expect(english.contains("January 15, 2027"))
            #expect(english.contains("2 comments"))
        }
    }

    @Test func pendingCommentsAreNotListed() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let created = try await client.postJSON(["post": "p", "name": "New", "email": "new@example.com", "body": "waiting for a moderator"])
            #expect(created.bodyText.contains("\"status\":\"pending\""))
            let html = try await client.execute(uri: "/comments.html?post=p", method: .get).bodyText
            #expect(!html.contains("waiting for a moderator"))
            #expect(html.contains("لا توجد تعليقات بعد"))
        }
    }

    @Test func withoutAnArticleItIsABadRequest() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/comments.html", method: .get)
            #expect(response.status == .badRequest)
            expectSecureHTML(response)
        }
    }
}
