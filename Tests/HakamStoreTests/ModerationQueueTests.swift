import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("Moderation queue, detail and stats")
struct ModerationQueueTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    @Test func theQueueIsOldestFirstAndFilters() async throws {
        let late = try await f.add("late", minutes: 10)
        let early = try await f.add("early", email: "b@example.com", post: "q", reasons: ["links.many"], minutes: 1)
        let approved = try await f.add("approved", email: "c@example.com", action: .approve, minutes: 2)
        let spam = try await f.add("spam", email: "d@example.com", action: .spam, reasons: ["links.many", "word:casino"], minutes: 3)

        #expect(try await f.database.queue(QueueFilter()).comments.map(\.id) == [early, late])
        #expect(try await f.database.queue(QueueFilter(statuses: CommentStatus.allCases)).comments.map(\.id) == [early, approved, spam, late])
        #expect(try await f.database.queue(QueueFilter(statuses: [], postKey: "q")).comments.map(\.id) == [early])
        #expect(try await f.database.queue(QueueFilter(statuses: CommentStatus.allCases, reasonCode: "links.many")).comments.map(\.id) == [early, spam])
        #expect(try await f.database.queue(QueueFilter(statuses: [.spam], reasonCode: "word:casino")).comments.map(\.id) == [spam])
        #expect(try await f.database.queue(QueueFilter(statuses: [], since: f.at(minutes: 3))).comments.map(\.id) == [spam, late])

        let page = try await f.database.queue(QueueFilter(limit: 1))
        #expect(page.total == 2 && page.comments.map(\.id) == [early])
        #expect(page.comments[0].reasons.map(\.code) == ["links.many"])
        #expect(page.comments[0].hasSealedEmail && page.comments[0].isAuthorKnown)
    }

    @Test func theDetailHasAuthorStandingParentAndTrail() async throws {
        let parent = try await f.add("parent", email: "p@example.com", action: .approve)
        _ = try await f.add("older", action: .approve, minutes: 1)
        _ = try await f.add("spammy", action: .spam, minutes: 2)
        let reply = try await f.add("reply", parent: parent, minutes: 3)
        let detail = try #require(try await f.database.commentDetail(id: reply, now: f.at(minutes: 4)))
        #expect(detail.parent?.id == parent)
        #expect(detail.author?.approvedCount == 1 && detail.author?.spamCount == 1 && detail.author?.commentCount == 3)
        #expect(detail.author?.isBanned == false)
        #expect(detail.events.map(\.action) == ["submit"])
        #expect(try await f.database.commentDetail(id: parent, now: f.start)?.replyCount == 1)
        #expect(try await f.database.commentDetail(id: 999, now: f.start) == nil)
    }

    @Test func statsCountStatusesQueueAgeReasonsAndModerators() async throws {
        let a = try await f.add(minutes: 0)
        _ = try await f.add(email: "b@example.com", reasons: ["links.many"], minutes: 10)
        _ = try await f.add(email: "c@example.com", reasons: ["links.many", "word:casino"], minutes: 20)
        _ = try await f.database.decide(commentID: a, action: .spam, actor: "mona", note: nil, now: f.at(minutes: 30))
        _ = try await f.database.ban(kind: .name, value: "x", expiresAt: nil, note: nil, actor: "mona", now: f.at(minutes: 30))
        let stats = try await f.database.moderationStats(now: f.at(minutes: 60), windowStart: f.start)
        #expect(stats.countsByStatus == [.pending: 2, .approved: 0, .spam: 1, .trash: 0])
        #expect(stats.oldestPendingAt == f.at(minutes: 10))
        #expect(stats.medianPendingAt == f.at(minutes: 20))
        #expect(stats.topReasons.first == .init(code: "links.many", count: 2))
        #expect(stats.decisionsByActor == [.init(actor: "mona", count: 1)])
        #expect(stats.activeBans == 1)
    }
}
