import Foundation
import HakamCore
import HakamHTTP
import HakamStore
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamTestSupport
import HakamSQLite

@Suite("POST /comments")
struct SubmitCommentTests {
    @Test func storesAValidCommentAndAnswers201WithPublicFieldsOnly() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(comment(body: "مقال رائع\nشكراً لكم"))
            #expect(response.status == .created)
            let json = try response.json
            #expect(Set(json.keys) == ["id", "post", "parent", "name", "url", "body", "status", "created_at"])
            #expect(json["post"] as? String == "article-1")
            #expect(json["name"] as? String == "أحمد")
            #expect(json["body"] as? String == "مقال رائع\nشكراً لكم")
            #expect(json["status"] as? String == "pending")  // first comment of a new author (moderation: first_time)
            #expect(json["parent"] is NSNull)
            #expect(!response.bodyText.contains("ahmad@example.com"))
            let id = try #require(json["id"] as? Int)
            let stored = try #require(try await test.database.comment(id: Int64(id)))
            #expect(stored.status == .pending)
            #expect(stored.decodedReasons.map(\.code) == ["moderation.first_time"])
            let events = try await test.database.events(commentID: Int64(id))
            #expect(events.count == 1)
            #expect(events.first?.action == "submit")
            #expect(events.first?.toStatus == .pending)
        }
    }

    @Test func acceptsFormEncodedBodies() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postForm([("post", "مقال-عربي"), ("name", "سارة"), ("email", "sara@example.com"), ("body", "تعليق + رموز & علامات")])
            #expect(response.status == .created)
            #expect(try response.json["body"] as? String == "تعليق + رموز & علامات")
            #expect(try response.json["post"] as? String == "مقال-عربي")
        }
    }

    @Test func approvesAuthorsWithAnApprovedComment() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let first = try await client.postJSON(comment(body: "first"))
            let id = try #require(try first.json["id"] as? Int)
            try await test.comments.decide(Int64(id), .approve)
            test.clock.advance(seconds: 20)
            let second = try await client.postJSON(comment(body: "second"))
            #expect(second.status == .created)
            #expect(try second.json["status"] as? String == "approved")
        }
    }

    @Test func modeAllHoldsEveryCommentAndModeNoneApprovesCleanOnes() async throws {
        for (mode, expected) in [(ModerationMode.all, "pending"), (.none, "approved")] {
            var policy = TestApp.defaultPolicy
            policy.moderation = mode
            let test = try TestApp(policy: policy)
            defer { test.remove() }
            try await test.application().test(.router) { client in
                let response = try await client.postJSON(comment())
                #expect(try response.json["status"] as? String == expected, "mode \(mode)")
            }
        }
    }

    @Test func holdsCommentsWithTwoLinksEvenWhenTheAuthorIsTrusted() async throws {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let one = try await client.postJSON(comment(body: "the minister said more in the interview, see https://a.example/x"))
            #expect(try one.json["status"] as? String == "approved")
            test.clock.advance(seconds: 20)
            let two = try await client.postJSON(comment(body: "the minister said more in the interview, see https://a.example/x and www.b.example"))
            #expect(try two.json["status"] as? String == "pending")
            let id = try #require(try two.json["id"] as? Int)
            let stored = try #require(try await test.database.comment(id: Int64(id)))
            #expect(stored.decodedReasons.map(\.code) == ["links.many"])
        }
    }

    @Test func spamAndTrashVerdictsAreReportedAsPending() async throws {
        let reason = Reason(code: "test.heavy", weight: 25)
        struct HeavyRule: Rule { let reason: Reason; func evaluate(_ comment: ValidatedSubmission) -> [Reason] { [reason] } }
        let test = try TestApp()
        defer { test.remove() }
        test.services.policy.replace(with: test.services.policy.current, rules: [HeavyRule(reason: reason)])
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(comment())
            #expect(response.status == .created)
            #expect(try response.json["status"] as? String == "pending")
            let id = try #require(try response.json["id"] as? Int)
            #expect(try await test.database.comment(id: Int64(id))?.status == .trash)
        }
    }

    @Test func refusesAClosedPostWith403() async throws {
        var policy = TestApp.defaultPolicy
        policy.closedPosts = ["old-article"]
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(comment(post: "old-article"))
            #expect(response.status == .forbidden)
            #expect(try response.json["error"] as? String == "comments_closed")
            #expect(try await test.commentCount() == 0)
        }
    }
}
