import Foundation
import HakamCore
import HakamHTTP
import HakamStore
import HakamSQLite
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport

/// Signed action links: GET shows, only POST acts, once, as the named moderator.
@Suite("action links")
struct ActionLinkTests {
    static func heldComment(_ client: some TestClientProtocol) async throws -> Int64 {
        let response = try await client.postJSON(comment(body: "تعليق ينتظر قرار المشرف"))
        #expect(response.status == .created)
        let json = try response.json
        #expect(json["status"] as? String == "pending")
        return try #require((json["id"] as? NSNumber)?.int64Value)
    }

    static func status(_ test: TestApp, _ id: Int64) async throws -> String? {
        try await test.probe.status(of: id)?.rawValue
    }

    @Test func getShowsPostActsOnceAndUndoReverts() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let signer = ActionLinkSigner(keys: test.services.protector.keys)
        try await test.application().test(.router) { client in
            let id = try await Self.heldComment(client)
            let token = signer.issue(commentID: id, action: .approve, moderator: "mona", now: test.clock.now, hours: 72)

            let page = try await client.execute(uri: "/moderate/\(token)", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.bodyText.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(page.bodyText.contains("تعليق ينتظر قرار المشرف"))
            #expect(page.bodyText.contains(#"<form method="post">"#))
            #expect(page.bodyText.contains("mona"))
            #expect(try await Self.status(test, id) == "pending", "a GET changes nothing")

            let done = try await client.execute(uri: "/moderate/\(token)", method: .post)
            #expect(done.status == .ok)
            #expect(done.headers[.cacheControl] == "no-store")
            #expect(try await Self.status(test, id) == "approved")
            let history = try await test.services.database.history(commentID: id)
            #expect(history.last?.actor == "mona")
            #expect(history.last?.action == "approve")

            let again = try await client.execute(uri: "/moderate/\(token)", method: .post)
            #expect(again.status == .gone)
            #expect(again.bodyText.contains("استُخدم هذا الرابط من قبل"))
            let reopened = try await client.execute(uri: "/moderate/\(token)?lang=en", method: .get)
            #expect(reopened.status == .gone)
            #expect(reopened.bodyText.contains("This link has already been used"))

            let undone = try await test.services.database.undo(commentID: id, actor: "mona", note: nil, now: test.clock.now)
            #expect(undone.to == .pending)
            // The used link stays used after the undo.
            #expect(try await client.execute(uri: "/moderate/\(token)", method: .post).status == .gone)
            #expect(try await Self.status(test, id) == "pending")
        }
    }

    @Test func expiredAndForgedLinksChangeNothing() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let signer = ActionLinkSigner(keys: test.services.protector.keys)
        let otherKey = ActionLinkSigner(keys: PrivacyKeys(master: MasterKey.generate()))
        try await test.application().test(.router) { client in
            let id = try await Self.heldComment(client)
            let valid = signer.issue(commentID: id, action: .trash, moderator: "mona", now: test.clock.now, hours: 1)
            var parts = valid.split(separator: ".").map(String.init)
            parts[2] = "approve"  // the action changed after signing
            let forgeries = [
                parts.joined(separator: "."),
                otherKey.issue(commentID: id, action: .trash, moderator: "mona", now: test.clock.now, hours: 1),
                "not-a-token",
                String(valid.dropLast()) + (valid.hasSuffix("A") ? "B" : "A"),
            ]
            for forged in forgeries {
                for method in [HTTPRequest.Method.get, .post] {
                    let response = try await client.execute(uri: "/moderate/\(forged)?lang=en", method: method)
                    #expect(response.status == .forbidden, "\(method) \(forged)")
                    #expect(response.bodyText.contains("This link is not valid. Nothing was changed."))
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
            test.clock.advance(seconds: 3601)
            let expired = try await client.execute(uri: "/moderate/\(valid)", method: .post)
            #expect(expired.status == .gone)
            #expect(expired.bodyText.contains("انتهت صلاحية هذا الرابط"))
            #expect(try await Self.status(test, id) == "pending")
            let uses = try await test.probe.count(.actionLinkUses)
            #expect(uses == 0)
        }
    }

    @Test func aBanLinkBansTheAuthorAndSpamsTheComment() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let signer = ActionLinkSigner(keys: test.services.protector.keys)
        try await test.application().test(.router) { client in
            let id = try await Self.heldComment(client)
            let token = signer.issue(commentID: id, action: .ban, moderator: "omar", now: test.clock.now, hours: 72)
            #expect(try await client.execute(uri: "/moderate/\(token)", method: .post).status == .ok)
            #expect(try await Self.status(test, id) == "spam")
            let bans = try await test.services.database.bans(includeInactive: false, now: test.clock.now)
            #expect(bans.map(\.kind) == [.email])
            #expect(bans.first?.actor == "omar")
            // The banned author is refused from now on.
            #expect(try await client.postJSON(comment(body: "another one")).status == .forbidden)
        }
    }
}
