import Foundation
import GRDB
import HakamCore
@testable import HakamStore
@testable import HakamSQLite
import Testing

/// Migration 0008's triggers: every change to a post's published comments moves its generation
/// (and the database-wide one) in the same transaction; changes nobody can see move nothing.
@Suite("post generations")
struct PostGenerationTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    func generations(_ post: String = "p") async throws -> PublicGenerations {
        try await f.database.publicGenerations(post: post)
    }

    @Test func decisionsUndoForgetAndDeletesOfPublishedCommentsMoveTheGeneration() async throws {
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let held = try await f.add("held", email: "a@example.com")
        let start = try await generations()
        #expect(start == PublicGenerations(global: 0, post: 0))

        _ = try await f.database.decide(commentID: held, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 1))
        let approved = try await generations()
        #expect(approved.post == 1 && approved.global == 1)

        _ = try await f.database.undo(commentID: held, actor: "mona", note: nil, now: f.at(minutes: 2))
        let undone = try await generations()
        #expect(undone.post == 2 && undone.global == 2)

        _ = try await f.database.decide(commentID: held, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 3))
        _ = try await f.database.forget(emailHash: try f.emailHash("a@example.com"), actor: "mona", note: nil, now: f.at(minutes: 4))
        let forgotten = try await generations()
        #expect(forgotten.post == 4)
        let other = try await generations("elsewhere")
        #expect(other.post == 0 && other.global == forgotten.global)

        try await f.database.writer.write { db in
            try db.execute(sql: "DELETE FROM comments WHERE id = ?", arguments: [held])
        }
        #expect(try await generations().post == 5)
    }

    @Test func changesToUnpublishedCommentsMoveNothing() async throws {
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let held = try await f.add("held", email: "b@example.com")
        _ = try await f.database.decide(commentID: held, action: .spam, actor: "mona", note: nil, now: f.at(minutes: 1))
        _ = try await f.database.forget(emailHash: try f.emailHash("b@example.com"), actor: "mona", note: nil, now: f.at(minutes: 2))
        let purged = try await f.database.purge(cutoffs: [.spam: f.at(minutes: 60)], actor: "mona", now: f.at(minutes: 61), dryRun: false)
        #expect(purged.deleted[.spam] == 1)
        #expect(try await generations() == PublicGenerations(global: 0, post: 0))
    }

    @Test func publishedSubmissionsAndImportsMoveTheirPost() async throws {
        defer { try? FileManager.default.removeItem(at: f.directory) }
        _ = try await f.add("published at once", post: "a", action: .approve)
        #expect(try await generations("a").post == 1)
        _ = try await f.database.importComments(now: f.at(minutes: 5)) { session in
            for (id, parent) in [("2", "1"), ("1", nil)] as [(String, String?)] {
                _ = try session.add(ImportedComment(
                    source: "https://old.example", sourceID: id, sourceParentID: parent, postKey: "b", name: "n", url: nil,
                    body: "imported \(id)", status: .approved, emailHash: nil, emailSealed: nil, ipHash: nil, createdAt: f.at(minutes: 0)))
            }
        }
        // Two inserts, then the reply linked to its parent (read after it): three changes, one transaction.
        let b = try await generations("b")
        #expect(b.post == 3)
        #expect(b.global == 4)
        let published = try await f.database.publishedComments(post: "b")
        #expect(published.generations == b)
        #expect(published.comments.count == 2)
    }
}
