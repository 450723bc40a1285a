import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@Suite("Form timing token on submit")
struct FormTimingHTTPTests {
    static var policy: Policy {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        return policy
    }

    /// Fetches a form, waits `seconds` on the test clock, posts it (JSON, as `/embed.js` does) with `token`
    /// (nil: the issued one), and returns the stored record's status and reason codes.
    func submit(after seconds: Double, token override: String? = nil, post: String = "p") async throws -> (CommentStatus, [String]) {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        let result = Mutex<(CommentStatus, [String])>((.trash, []))
        try await test.application().test(.router) { client in
            let html = try await client.execute(uri: "/form?post=p", method: .get).bodyText
            let token = try #require(formValue(html, name: "hakam_ts"))
            test.clock.advance(seconds: seconds)
            let response = try await client.postJSON([
                "post": post, "name": "Sara", "email": "sara@example.com", "body": "Thoughtful piece.",
                "hakam_ts": override ?? token, "hakam_hp": "",
            ])
            try #require(response.status == .created, "\(response.bodyText)")
            let id = try #require((try JSONSerialization.jsonObject(with: Data(response.bodyText.utf8)) as? [String: Any])?["id"] as? Int)
            let record = try #require(try await test.database.comment(id: Int64(id)))
            result.withLock { $0 = (record.status, record.decodedReasons.map(\.code)) }
        }
        return result.withLock { $0 }
    }

    @Test func aPersonsPaceIsApproved() async throws {
        let (status, reasons) = try await submit(after: 40)
        #expect(status == .approved)
        #expect(reasons.isEmpty)
    }

    @Test func aBotsPaceIsHeld() async throws {
        let (status, reasons) = try await submit(after: 1)
        #expect(status == .pending)
        #expect(reasons == ["form.too_fast"])
    }

    @Test func aStaleFormIsWeighed() async throws {
        let (status, reasons) = try await submit(after: 49 * 3600)
        #expect(status == .approved)  // 3 is under the hold threshold: a reader who left the tab open still gets through
        #expect(reasons == ["form.stale"])
    }

    @Test func aForgedOrMisplacedTokenIsSpam() async throws {
        let (forged, forgedReasons) = try await submit(after: 40, token: "v1.1799999000.0123456789abcdef0123456789abcdef")
        #expect(forged == .spam)
        #expect(forgedReasons == ["form.invalid_token"])
        let (elsewhere, elsewhereReasons) = try await submit(after: 40, post: "another-article")
        #expect(elsewhere == .spam)
        #expect(elsewhereReasons == ["form.invalid_token"])
    }

    @Test func apiClientsWithoutATokenAreNotPunished() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(["post": "p", "name": "App", "email": "app@example.com", "body": "From a mobile app."])
            #expect(response.status == .created)
            #expect(response.bodyText.contains("\"status\":\"approved\""))
        }
    }
}
