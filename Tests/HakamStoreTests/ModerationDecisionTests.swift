import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("Moderation decisions and undo")
struct ModerationDecisionTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    @Test func aDecisionChangesTheStatusAndWritesExactlyOneEvent() async throws {
        let id = try await f.add()
        let outcome = try await f.database.decide(commentID: id, action: .approve, actor: "mona", note: "fine", now: f.at(minutes: 5))
        #expect(outcome.from == .pending && outcome.to == .approved && outcome.changed)
        #expect(try await f.status(id) == .approved)
        let events = try await f.database.history(commentID: id)
        #expect(events.count == 2)
        let event = try #require(events.last)
        #expect(event.id == outcome.eventID)
        #expect(event.actor == "mona" && event.action == "approve" && event.note == "fine")
        #expect(event.fromStatus == .pending && event.toStatus == .approved)
        #expect(event.createdAt == f.at(minutes: 5))
        // Reputation follows by trigger.
        #expect(try await f.count("SELECT approved_count FROM authors WHERE email_hash = ?", [try f.emailHash("ali@example.com")]) == 1)
    }

    @Test func deciding_theStatusItAlreadyHas_writesNothing() async throws {
        let id = try await f.add(action: .spam)
        let outcome = try await f.database.decide(commentID: id, action: .spam, actor: "mona", note: nil, now: f.at(minutes: 1))
        #expect(!outcome.changed)
        #expect(try await f.eventCount(id) == 1)
    }

    @Test func approvingAReplyUnderAnUnapprovedParentIsRefusedAndLeavesNoEvent() async throws {
        let parent = try await f.add(action: .approve)
        let reply = try await f.add("reply", email: "sara@example.com", parent: parent, minutes: 1)
        _ = try await f.database.decide(commentID: parent, action: .spam, actor: "mona", note: nil, now: f.at(minutes: 2))
        await #expect(throws: ModerationError.parentNotApproved(commentID: reply, parentID: parent, parentStatus: .spam)) {
            try await f.database.decide(commentID: reply, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 3))
        }
        #expect(try await f.status(reply) == .pending)
        #expect(try await f.eventCount(reply) == 1)
        // Once the parent is approved again, the reply can be.
        _ = try await f.database.decide(commentID: parent, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 4))
        #expect(try await f.database.decide(commentID: reply, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 5)).changed)
    }

    @Test func theStatusChangeAndItsEventCommitTogetherOrNotAtAll() async throws {
        let id = try await f.add()
        // Make the event insert fail: the status update in the same transaction must roll back.
        try await f.database.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER test_refuse_event BEFORE INSERT ON moderation_events WHEN NEW.note = 'boom'
                BEGIN SELECT RAISE(ABORT, 'refused by test'); END
                """)
        }
        await #expect(throws: DatabaseError.self) {
            try await f.database.decide(commentID: id, action: .approve, actor: "mona", note: "boom", now: f.at(minutes: 1))
        }
        #expect(try await f.status(id) == .pending)
        #expect(try await f.eventCount(id) == 1)
        #expect(try await f.count("SELECT approved_count FROM authors") == 0)
    }

    @Test func aDecisionExpectingAStatusRefusesACommentThatMovedOn() async throws {
        let id = try await f.add()
        _ = try await f.database.decide(commentID: id, action: .approve, actor: "a", note: nil, now: f.at(minutes: 1))
        await #expect(throws: ModerationError.statusChanged(commentID: id, actual: .approved)) {
            try await f.database.decide(commentID: id, action: .spam, actor: "b", note: nil, expecting: [.pending], now: f.at(minutes: 2))
        }
        #expect(try await f.status(id) == .approved)
    }

    @Test func unknownCommentsAreReported() async throws {
        await #expect(throws: ModerationError.commentNotFound(99)) {
            try await f.database.decide(commentID: 99, action: .approve, actor: "a", note: nil, now: f.start)
        }
        await #expect(throws: ModerationError.commentNotFound(99)) {
            try await f.database.undo(commentID: 99, actor: "a", note: nil, now: f.start)
        }
    }

    @Test func undosStackAndAreThemselvesAudited() async throws {
        let id = try await f.add()
        _ = try await f.database.decide(commentID: id, action: .approve, actor: "a", note: nil, now: f.at(minutes: 1))
        _ = try await f.database.decide(commentID: id, action: .spam, actor: "a", note: nil, now: f.at(minutes: 2))
        let first = try await f.database.undo(commentID: id, actor: "b", note: nil, now: f.at(minutes: 3))
        #expect(first.from == .spam && first.to == .approved && first.revertedAction == "spam")
        let second = try await f.database.undo(commentID: id, actor: "b", note: nil, now: f.at(minutes: 4))
        #expect(second.from == .approved && second.to == .pending && second.revertedAction == "approve")
        await #expect(throws: ModerationError.nothingToUndo(id)) {
            try await f.database.undo(commentID: id, actor: "b", note: nil, now: f.at(minutes: 5))
        }
        let events = try await f.database.history(commentID: id)
        #expect(events.map(\.action) == ["submit", "approve", "spam", "undo", "undo"])
        #expect(events.last?.actor == "b")
        #expect(try await f.status(id) == .pending)
        // Author counts went up and back down with the changes.
        #expect(try await f.count("SELECT approved_count + spam_count FROM authors") == 0)
    }

    @Test func undoIgnoresEventsThatChangeNoStatus() async throws {
        let id = try await f.add()
        _ = try await f.database.decide(commentID: id, action: .trash, actor: "a", note: nil, now: f.at(minutes: 1))
        _ = try await f.database.revealEmail(commentID: id, actor: "a", note: nil, now: f.at(minutes: 2)) { try f.protector.openSealedEmail($0) }
        let outcome = try await f.database.undo(commentID: id, actor: "a", note: nil, now: f.at(minutes: 3))
        #expect(outcome.to == .pending && outcome.revertedAction == "trash")
    }

    @Test func revealingAnEmailIsAuditedInTheSameTransaction() async throws {
        let id = try await f.add(email: "ali@مثال.مصر")
        let email = try await f.database.revealEmail(commentID: id, actor: "mona", note: "legal request", now: f.at(minutes: 1)) {
            try f.protector.openSealedEmail($0)
        }
        #expect(email == "ali@مثال.مصر")
        let event = try #require(try await f.database.history(commentID: id).last)
        #expect(event.action == "reveal_email" && event.actor == "mona" && event.fromStatus == .pending && event.toStatus == .pending)

        // A wrong key reveals nothing and records nothing.
        let other = PrivacyProtector(master: MasterKey.generate())
        await #expect(throws: SealedEmailError.self) {
            try await f.database.revealEmail(commentID: id, actor: "mona", note: nil, now: f.at(minutes: 2)) { try other.openSealedEmail($0) }
        }
        #expect(try await f.eventCount(id) == 2)
    }

    @Test func theAuditLogStaysAppendOnly() async throws {
        let id = try await f.add()
        await #expect(throws: DatabaseError.self) {
            try await f.database.writer.write { db in try db.execute(sql: "DELETE FROM moderation_events WHERE comment_id = ?", arguments: [id]) }
        }
    }
}
