import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("CORS on /comments")
struct CORSTests {
    static func comment() -> [String: Any] { ["post": "p", "name": "Sara", "email": "sara@example.com", "body": "Great reporting."] }

    @Test func anAllowedOriginPassesThePreflight() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/comments", method: .options, headers: [
                .origin: "https://news.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type",
            ])
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == "https://news.example")
            #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test func anAllowedOriginPostsAndReadsTheAnswer() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(Self.comment(), extraHeaders: [.origin: "https://news.example"])
            #expect(response.status == .created)
            #expect(response.headers[.accessControlAllowOrigin] == "https://news.example")
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test func anotherOriginIsRefusedAndNothingIsStored() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let preflight = try await client.execute(uri: "/comments", method: .options, headers: [
                .origin: "https://evil.example", .accessControlRequestMethod: "POST",
            ])
            #expect(preflight.status == .forbidden)
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
            // A form-encoded POST needs no preflight: the server itself must refuse it.
            let post = try await client.postForm([("post", "p"), ("name", "x"), ("email", "x@example.com"), ("body", "hi")],
                                                 language: "ar", extraHeaders: [.origin: "https://evil.example"])
            #expect(post.status == .forbidden)
            #expect(post.headers[.accessControlAllowOrigin] == nil)
            #expect(post.bodyText.contains("\"error\":\"origin_not_allowed\""))
            #expect(post.bodyText.contains("غير مسموح"))
            let lookalike = try await client.postJSON(Self.comment(), extraHeaders: [.origin: "https://news.example.evil.example"])
            #expect(lookalike.status == .forbidden)
            let list = try await client.execute(uri: "/comments?post=p", method: .get)
            #expect(list.bodyText.contains("\"total\":0"))
            #expect(list.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func requestsWithoutAnOriginAreNotBrowsersAndPass() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(Self.comment())
            #expect(response.status == .created)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "127.0.0.1:8080", true),
        ("http://localhost:8080", "localhost:8080", true),
        ("http://localhost:8081", "localhost:8080", false),
        ("https://news.example", nil, true),
        ("https://news.example:8443", nil, false),
        ("null", "localhost:8080", false),
    ] as [(String, String?, Bool)])
    func hakamsOwnPagesAreSameOrigin(_ origin: String, _ authority: String?, _ allowed: Bool) throws {
        let test = try TestApp()
        defer { test.remove() }
        #expect(CommentsCORSMiddleware(services: test.services).isAllowed(origin: origin, authority: authority) == allowed)
    }
}
