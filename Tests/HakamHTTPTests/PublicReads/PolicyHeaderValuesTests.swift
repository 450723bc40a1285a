import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Header values made from the policy are made once per load (`PolicyHeaderValues`): a reload
/// must still show on the very next response.
@Suite("policy header values")
struct PolicyHeaderValuesTests {
    @Test func aReloadedPolicyShowsInTheNextListAndPageHeaders() async throws {
        var initial = TestApp.defaultPolicy
        initial.publicCache = PublicCacheSettings(maxAgeSeconds: 7, staleWhileRevalidateSeconds: 41, memoryMegabytes: 1)
        let policy = initial
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 1)
        try await test.application().test(.router) { client in
            let before = try await client.execute(uri: "/comments?post=p", method: .get)
            #expect(before.headers[.cacheControl] == "public, max-age=7, stale-while-revalidate=41")
            let page = try await client.execute(uri: "/comments.html?post=p&lang=en", method: .get)
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(!csp.contains("https://reload.example"))

            var reloaded = policy
            reloaded.publicCache = PublicCacheSettings(maxAgeSeconds: 60, staleWhileRevalidateSeconds: 5, memoryMegabytes: 1)
            reloaded.allowedOrigins = ["https://reload.example"]
            test.services.policy.replace(with: reloaded)

            let after = try await client.execute(uri: "/comments?post=p", method: .get)
            #expect(after.headers[.cacheControl] == "public, max-age=60, stale-while-revalidate=5")
            let pageAfter = try await client.execute(uri: "/comments.html?post=p&lang=en", method: .get)
            #expect(pageAfter.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'self' https://reload.example") == true)
        }
    }

    @Test(arguments: [("text/html; charset=utf-8", true), ("TEXT/HTML", true), ("Text/Html;charset=UTF-8", true), ("text/htm", false),
                      ("application/json; charset=utf-8", false), ("", false), ("text/plain", false)])
    func htmlIsRecognisedInAnyCase(contentType: String, isHTML: Bool) {
        #expect(SecurityHeadersMiddleware.isHTML(contentType) == isHTML)
    }
}
