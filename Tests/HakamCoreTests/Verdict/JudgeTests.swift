import Foundation
@testable import HakamCore
import Testing

@Suite("Judge")
struct JudgeTests {
    struct FixedRule: Rule {
        let reasons: [Reason]
        func evaluate(_ comment: ValidatedSubmission) -> [Reason] { reasons }
    }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let comment = ValidatedSubmission(postKey: "p", parentID: nil, name: "n", email: try! EmailAddress(parsing: "a@example.com"), url: nil, body: "b")

    func judge(_ reasons: [Reason], mode: ModerationMode = .none) -> Judge {
        var policy = Policy()
        policy.moderation = mode
        return Judge(policy: policy, rules: [FixedRule(reasons: reasons)])
    }

    @Test(arguments: [(0.0, ModerationAction.approve), (4.9, .approve), (5, .hold), (9.9, .hold), (10, .spam), (20, .trash), (100, .trash)])
    func theSummedScoreMeetsTheThresholds(_ score: Double, _ expected: ModerationAction) throws {
        let reasons = [Reason(code: "a", weight: score / 2), Reason(code: "b", weight: score / 2)]
        let j = judge(reasons)
        let verdict = try j.decide(contentReasons: try j.assess(comment), history: AuthorHistory(), now: now)
        #expect(verdict.action == expected)
        #expect(verdict.score == score)
        #expect(verdict.reasons.map(\.code) == ["a", "b"])
    }

    @Test func aRuleCanInsistOnAtLeastHold() throws {
        let verdict = try judge([]).decide(contentReasons: [Reason(code: "links.many", minimumAction: .hold)], history: AuthorHistory(), now: now)
        #expect(verdict.action == .hold)
    }

    @Test func firstTimeModerationHoldsUntilOneApprovedComment() throws {
        let j = judge([], mode: .firstTime)
        #expect(try j.decide(contentReasons: [], history: AuthorHistory(), now: now).reasons.map(\.code) == ["moderation.first_time"])
        #expect(try j.decide(contentReasons: [], history: AuthorHistory(approvedCount: 1), now: now).action == .approve)
        // A comment already held for its content gets no extra reason.
        let spammy = try j.decide(contentReasons: [Reason(code: "x", weight: 12)], history: AuthorHistory(), now: now)
        #expect(spammy.action == .spam)
        #expect(spammy.reasons.map(\.code) == ["x"])
    }

    @Test func floodAndDuplicatesAreRejections() {
        let j = judge([])
        #expect(throws: Rejection.duplicate) { try j.decide(contentReasons: [], history: AuthorHistory(hasDuplicate: true), now: now) }
        #expect(throws: Rejection.tooFast(retryAfterSeconds: 12)) {
            try j.decide(contentReasons: [], history: AuthorHistory(lastCommentAt: now.addingTimeInterval(-3)), now: now)
        }
        #expect(throws: Never.self) { try j.decide(contentReasons: [], history: AuthorHistory(lastCommentAt: now.addingTimeInterval(-15)), now: now) }
    }

    @Test func closedPostsAreRejectedBeforeAnythingElse() {
        var policy = Policy()
        policy.closedPosts = ["p"]
        #expect(throws: Rejection.closed) { try Judge(policy: policy).assess(comment) }
    }

    @Test(arguments: [("no links here", 0), ("https://a.example and http://b.example", 2), ("www.x.example", 1), ("awww.ok", 0), ("HTTPS://A.EXAMPLE", 1)])
    func linkCounting(_ text: String, _ expected: Int) {
        #expect(LinkCountRule.countLinks(in: text) == expected)
    }
}
