import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("Forget and purge")
struct ModerationErasureTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    @Test func forgetAnonymizesEveryCommentOfTheAuthorAndAuditsEach() async throws {
        let a = try await f.add("first", action: .approve)
        let b = try await f.add("second", action: .spam, minutes: 1)
        let other = try await f.add("other", email: "sara@example.com", name: "Sara", minutes: 2)
        let hash = try f.emailHash("ali@example.com")

        let count = try await f.database.forget(emailHash: hash, actor: "dpo", note: "request 42", now: f.at(minutes: 3))
        #expect(count == 2)
        let rows = try await f.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, body, status, email_hash, email_sealed, ip_hash, url, user_agent FROM comments ORDER BY id")
        }
        for row in rows.prefix(2) {
            #expect(row["name"] as String == "Anonymous")
            #expect((row["email_hash"] as String?) == nil && (row["email_sealed"] as Data?) == nil && (row["ip_hash"] as String?) == nil)
            #expect((row["url"] as String?) == nil && (row["user_agent"] as String?) == nil)
        }
        #expect(rows[0]["body"] as String == "first")
        #expect(rows[0]["status"] as String == "approved" && rows[1]["status"] as String == "spam")
        #expect(rows[2]["name"] as String == "Sara" && (rows[2]["email_hash"] as String?) != nil)
        for id in [a, b] {
            let last = try #require(try await f.database.history(commentID: id).last)
            #expect(last.action == "forget" && last.actor == "dpo" && last.fromStatus == last.toStatus)
        }
        #expect(try await f.eventCount(other) == 1)
        #expect(try await f.count("SELECT count(*) FROM authors WHERE email_hash = ?", [hash]) == 0)
        #expect(try await f.database.commentDetail(id: a, now: f.start)?.author == nil)
        await #expect(throws: ModerationError.noSealedEmail(a)) {
            try await f.database.revealEmail(commentID: a, actor: "x", note: nil, now: f.start) { try f.protector.openSealedEmail($0) }
        }
        #expect(try await f.database.forget(emailHash: hash, actor: "dpo", note: nil, now: f.at(minutes: 4)) == 0)
    }

    @Test func purgeDeletesOldSpamAndTrashButKeepsHistoryAndThreads() async throws {
        let oldSpam = try await f.add("old spam", action: .spam)
        let oldTrash = try await f.add("old trash", email: "t@example.com", action: .trash, minutes: 1)
        let newSpam = try await f.add("new spam", email: "n@example.com", action: .spam, minutes: 60 * 24 * 40)
        // An old parent that went to spam after a reply was approved under it: kept.
        let parent = try await f.add("parent", email: "p@example.com", action: .approve, minutes: 2)
        let reply = try await f.add("reply", email: "r@example.com", parent: parent, action: .approve, minutes: 3)
        _ = try await f.database.decide(commentID: parent, action: .spam, actor: "m", note: nil, now: f.at(minutes: 4))
        // An old spam parent whose reply is old spam too: both go.
        let spamParent = try await f.add("spam parent", email: "q@example.com", action: .approve, minutes: 5)
        let spamReply = try await f.add("spam reply", email: "s@example.com", parent: spamParent, action: .spam, minutes: 6)
        _ = try await f.database.decide(commentID: spamParent, action: .spam, actor: "m", note: nil, now: f.at(minutes: 7))

        let now = f.at(minutes: 60 * 24 * 41)
        let cutoff = now.addingTimeInterval(-30 * 86400)
        let dry = try await f.database.purge(cutoffs: [.spam: cutoff, .trash: cutoff], actor: "cron", now: now, dryRun: true)
        #expect(dry.deleted == [.spam: 3, .trash: 1] && dry.keptForReplies == 1)
        #expect(try await f.count("SELECT count(*) FROM comments") == 7)

        let outcome = try await f.database.purge(cutoffs: [.spam: cutoff, .trash: cutoff], actor: "cron", now: now, dryRun: false)
        #expect(outcome == dry)
        let remaining = try await f.database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM comments ORDER BY id") }
        #expect(remaining == [newSpam, parent, reply])
        for id in [oldSpam, oldTrash, spamParent, spamReply] {
            let trail = try await f.database.history(commentID: id)
            #expect(trail.last?.action == "purge" && trail.last?.actor == "cron")
        }
        // Reputation follows the deletions (the delete trigger).
        #expect(try await f.count("SELECT spam_count FROM authors WHERE email_hash = ?", [try f.emailHash("ali@example.com")]) == 0)
    }
}
