import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Private data never leaves the vault")
struct PrivacyTests {
    static let email = "Private.Reader@secret-mail.example"
    static let clientIP = "203.0.113.77"

    /// Over a real socket, behind a trusted proxy that names the client: the email and the
    /// client's address appear in no response, no byte of the database files and no log line.
    @Test func emailAndIPAppearNowhere() async throws {
        var policy = TestApp.defaultPolicy
        policy.trustedProxies = [IPNetwork(cidr: "127.0.0.0/8")!, IPNetwork(cidr: "::1/128")!]
        policy.rateLimit = RateLimitSettings(enabled: true, requestsPerMinute: 100)
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        let responses = try await test.application().test(.live) { client in
            let headers: HTTPFields = [.init("X-Forwarded-For")!: Self.clientIP, .userAgent: "PrivacyTest/1.0"]
            let ok = try await client.postJSON(comment(email: Self.email), extraHeaders: headers)
            #expect(ok.status == .created)
            test.clock.advance(seconds: 60)
            // An error path that echoes nothing of the input either.
            let invalid = try await client.postJSON(comment(email: "broken@@" + Self.email), extraHeaders: headers)
            #expect(invalid.status == .unprocessableContent)
            let duplicate = try await client.postJSON(comment(email: Self.email), extraHeaders: headers)
            #expect(duplicate.status == .conflict)
            let wordpress = try await client.postForm(
                [("author", "x"), ("email", Self.email), ("comment", "via the form"), ("comment_post_ID", "7")],
                path: "/wp-comments-post.php", extraHeaders: headers)
            #expect(wordpress.status == .seeOther)
            let listed = try await client.execute(uri: "/comments?post=article-1", method: .get)
            return [ok, invalid, duplicate, wordpress, listed].map { "\($0.headers) \($0.bodyText)" }
        }
        let stored = try await test.database.comment(id: 1)
        #expect(stored?.ipHash == test.services.protector.ipHash(Self.clientIP), "the proxy-named client address was used")
        #expect(stored?.emailSealed != nil)

        let databaseText = String(decoding: try test.databaseBytes(), as: UTF8.self)
        let logs = test.logs.all
        #expect(!logs.isEmpty)
        for secret in [Self.email, Self.email.lowercased(), "secret-mail", Self.clientIP] {
            #expect(!databaseText.contains(secret), "database contains \(secret)")
            #expect(!logs.contains(secret), "logs contain \(secret)")
            for response in responses { #expect(!response.contains(secret), "a response contains \(secret)") }
        }
        // The sealed copy opens to the address for an authorized moderator.
        let sealed = try #require(stored?.emailSealed)
        #expect(try test.services.protector.openSealedEmail(sealed) == Self.email)
    }

    @Test func theLiveServerRateLimitsOneAddress() async throws {
        var policy = TestApp.defaultPolicy
        policy.rateLimit = RateLimitSettings(enabled: true, requestsPerMinute: 3)
        policy.flood.enabled = false
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.live) { client in
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<5 {
                statuses.append(try await client.postJSON(comment(body: "comment \(index)")).status)
            }
            #expect(statuses == [.created, .created, .created, .tooManyRequests, .tooManyRequests])
            let limited = try await client.postJSON(comment(body: "again"))
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { (1...60).contains($0) } == true)
        }
    }
}
