import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

@Suite("Duplicates, flood and replies")
struct HistoryCheckTests {
    @Test func theSameCommentTwiceIs409() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.postJSON(comment(body: "نفس التعليق")).status == .created)
            test.clock.advance(seconds: 60)
            let again = try await client.postJSON(comment(body: "  نفس التعليق \n"))
            #expect(again.status == .conflict)
            #expect(try again.json["error"] as? String == "duplicate")
            // Another article, or another author, is not a duplicate.
            #expect(try await client.postJSON(comment(post: "article-2", body: "نفس التعليق")).status == .created)
            test.clock.advance(seconds: 60)
            #expect(try await client.postJSON(comment(email: "other@example.com", body: "نفس التعليق")).status == .created)
            #expect(try await test.commentCount() == 3)
        }
    }

    @Test func postingAgainWithin15SecondsIs429WithRetryAfter() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.postJSON(comment(body: "one")).status == .created)
            test.clock.advance(seconds: 5)
            let tooSoon = try await client.postJSON(comment(body: "two"))
            #expect(tooSoon.status == .tooManyRequests)
            #expect(tooSoon.headers[.retryAfter] == "10")
            #expect(try tooSoon.json["error"] as? String == "too_fast")
            test.clock.advance(seconds: 11)
            #expect(try await client.postJSON(comment(body: "two")).status == .created)
        }
    }

    @Test func floodCanBeTurnedOff() async throws {
        var policy = TestApp.defaultPolicy
        policy.flood.enabled = false
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let one = try await client.postJSON(comment(body: "one"))
            let two = try await client.postJSON(comment(body: "two"))
            #expect([one.status, two.status] == [.created, .created])
        }
    }

    @Test func concurrentIdenticalSubmissionsStoreExactlyOne() async throws {
        var policy = TestApp.defaultPolicy
        policy.flood.enabled = false
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<8 { group.addTask { try await client.postJSON(comment(body: "سباق")).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
            #expect(try await test.commentCount() == 1)
        }
    }

    @Test func repliesNeedAnApprovedParentOnTheSamePost() async throws {
        var policy = TestApp.defaultPolicy
        policy.flood.enabled = false
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let parent = try #require(try await client.postJSON(comment(body: "parent")).json["id"] as? Int)

            let toPending = try await client.postJSON(comment(email: "b@example.com", body: "reply", extra: ["parent": parent]))
            #expect(toPending.status == .unprocessableContent)
            #expect(try (toPending.json["fields"] as? [String: [String: String]])?["parent"]?["code"] == "parent_not_found")

            try await test.comments.decide(Int64(parent), .approve)
            let reply = try await client.postJSON(comment(email: "b@example.com", body: "reply", extra: ["parent": String(parent)]))
            #expect(reply.status == .created)
            #expect(try reply.json["parent"] as? Int == parent)

            let otherPost = try await client.postJSON(comment(post: "article-2", email: "c@example.com", body: "reply", extra: ["parent": parent]))
            #expect(otherPost.status == .unprocessableContent)
            let missing = try await client.postJSON(comment(email: "d@example.com", body: "reply", extra: ["parent": 999_999]))
            #expect(missing.status == .unprocessableContent)
            #expect(try await test.commentCount() == 2)
        }
    }
}

@Suite("Bans")
struct BanSubmitTests {
    @Test func bannedAuthorsGet403AndTheServerSeesNewBansWithoutRestart() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.postJSON(comment(body: "before the ban")).status == .created)
            let email = try EmailAddress(parsing: "ahmad@example.com")
            _ = try await test.database.ban(kind: .email, value: test.services.protector.emailHash(email), expiresAt: nil,
                                                     note: "test", actor: "moderator", now: test.clock.now)
            test.clock.advance(seconds: 60)
            let banned = try await client.postJSON(comment(body: "after the ban"), language: "ar")
            #expect(banned.status == .forbidden)
            #expect(try banned.json["error"] as? String == "banned")
            #expect(try banned.json["message"] as? String == "غير مسموح لك بالتعليق.")
            _ = try await test.database.ban(kind: .domain, value: "spam.example", expiresAt: nil, note: nil, actor: "moderator", now: test.clock.now)
            let byDomain = try await client.postJSON(comment(email: "x@mail.spam.example", body: "domain"))
            #expect(byDomain.status == .forbidden)
            let other = try await client.postJSON(comment(email: "other@example.com", body: "someone else"))
            #expect(other.status == .created)
            #expect(try await test.commentCount() == 2)
        }
    }
}

@Suite("Disguised copies and bursts")
struct DisguisedCopyTests {
    @Test func aCopyThatDiffersOnlyInDisguiseIsADuplicate() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.postJSON(comment(body: "مقال رائع جدا")).status == .created)
            test.clock.advance(seconds: 60)
            let disguised = try await client.postJSON(comment(body: "مَقَالٌ  رائــــع\u{200B} جداً!"))
            #expect(disguised.status == .conflict)
            test.clock.advance(seconds: 60)
            #expect(try await client.postJSON(comment(body: "مقال سيئ جدا")).status == .created)
        }
    }

    @Test func theSameTextOnOtherArticlesAddsCrossPostWeight() async throws {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let first = try await client.postJSON(comment(post: "a1", email: "one@example.com", body: "Visit my great page today"))
            #expect(try first.json["status"] as? String == "approved")
            test.clock.advance(seconds: 60)
            let copy = try await client.postJSON(comment(post: "a2", email: "two@example.com", body: "VISIT my great page, today!"))
            #expect(copy.status == .created)
            let id = try #require(try copy.json["id"] as? Int)
            let stored = try #require(try await test.database.comment(id: Int64(id)))
            #expect(stored.decodedReasons.map(\.code) == ["duplicate.cross_post"])
            #expect(stored.score == 5)
            #expect(stored.status == .pending)
        }
    }

    @Test func aBurstOnOneArticleIsHeld() async throws {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        policy.flood.postBurstPerMinute = 3
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            var statuses: [String] = []
            for index in 0..<5 {
                test.clock.advance(seconds: 1)
                let response = try await client.postJSON(comment(post: "viral", email: "u\(index)@example.com", body: "comment number \(index)"))
                statuses.append(try response.json["status"] as? String ?? "?")
            }
            #expect(statuses == ["approved", "approved", "approved", "pending", "pending"])
            test.clock.advance(seconds: 120)
            let later = try await client.postJSON(comment(post: "viral", email: "late@example.com", body: "calm again"))
            #expect(try later.json["status"] as? String == "approved")
        }
    }
}
