import Foundation
import HakamCore
import HakamStore
@testable import HakamSQLite
import Testing

/// The outbox is written by the database itself, in the transaction of the change.
@Suite("outbox triggers")
struct OutboxTriggerTests {
    @Test(arguments: [
        (ModerationAction.hold, "comment.held"), (.spam, "comment.spam"), (.approve, "comment.approved"),
    ])
    func aStoredVerdictWritesItsEvent(action: ModerationAction, type: String) async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let id = try await fixture.add(action: action)
        let rows = try await fixture.outbox()
        #expect(rows.map(\.type) == [type])
        #expect(rows.map(\.commentID) == [id])
    }

    @Test func aTrashedArrivalTellsNobody() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try await fixture.add(action: .trash)
        #expect(try await fixture.outbox().isEmpty)
    }

    @Test func decisionsUndoAndBansWriteEvents() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let id = try await fixture.add(action: .hold)
        _ = try await fixture.database.decide(commentID: id, action: .approve, actor: "mona", note: nil, now: fixture.start)
        _ = try await fixture.database.decide(commentID: id, action: .approve, actor: "mona", note: nil, now: fixture.start)  // no change
        _ = try await fixture.database.decide(commentID: id, action: .spam, actor: "mona", note: nil, now: fixture.start)
        _ = try await fixture.database.undo(commentID: id, actor: "mona", note: nil, now: fixture.start)
        _ = try await fixture.database.banAuthor(ofComment: id, expiresAt: nil, note: "x", actor: "mona", now: fixture.start)
        let rows = try await fixture.outbox()
        #expect(rows.map(\.type) == ["comment.held", "comment.approved", "comment.decided", "comment.approved", "author.banned"])
        let ids = rows.map(\.eventID)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("evt_") && $0.count == 36 })
    }

    @Test func aRefusedSubmissionLeavesNoEvent() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try await fixture.add(action: .hold)
        let address = try EmailAddress(parsing: OutboxFixture.email)
        let comment = NewComment(
            postKey: "news-1", parentID: nil, name: "Ali", url: nil, body: "refused", emailHash: fixture.protector.emailHash(address),
            emailSealed: fixture.protector.seal(address), ipHash: nil, userAgent: nil, bodyDigest: "d", createdAt: fixture.start)
        await #expect(throws: Rejection.self) {
            _ = try await fixture.database.submit(comment) { _ in throw Rejection.banned }
        }
        #expect(try await fixture.outbox().count == 1)
    }
}
