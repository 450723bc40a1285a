import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

/// The export reads posts in key order and each post's approved comments through
/// (post_key, status, created_at): the documented order, with no sort step over a million rows.
@Suite("Export query")
struct ExportQueryTests {
    @Test func approvedCommentsComeByPostThenTimeThenID() async throws {
        let f = try ModerationStoreFixture()
        // Posts and times out of order, a tie on time, other statuses in between.
        let b2 = try await f.add("b2", post: "b", action: .approve, minutes: 2)
        let a3 = try await f.add("a3", email: "x@example.com", post: "a", action: .approve, minutes: 3)
        _ = try await f.add("a-held", email: "y@example.com", post: "a", action: .hold, minutes: 1)
        let a1 = try await f.add("a1", email: "z@example.com", post: "a", action: .approve, minutes: 1)
        let a1tie = try await f.add("a1 tie", email: "w@example.com", post: "a", action: .approve, minutes: 1)
        let b1 = try await f.add("b1", email: "v@example.com", post: "b", action: .approve, minutes: 1)
        _ = try await f.add("c-spam", email: "u@example.com", post: "c", action: .spam, minutes: 0)
        let reply = try await f.add("reply", email: "t@example.com", post: "a", parent: a1, action: .approve, minutes: 4)

        var ids: [Int64] = []
        let count = try f.database.forEachApprovedComment(ExportFilter()) { ids.append($0.comment.id) }
        #expect(ids == [a1, a1tie, a3, reply, b1, b2])
        #expect(count == 6)
        #expect(try await f.database.approvedCommentCount(ExportFilter()) == 6)

        var onB: [Int64] = []
        _ = try f.database.forEachApprovedComment(ExportFilter(post: "b")) { onB.append($0.comment.id) }
        #expect(onB == [b1, b2])
        var since: [Int64] = []
        _ = try f.database.forEachApprovedComment(ExportFilter(since: f.at(minutes: 2))) { since.append($0.comment.id) }
        #expect(since == [a3, reply, b2])
    }

    @Test(arguments: [ExportFilter(), ExportFilter(post: "p"), ExportFilter(since: Date(timeIntervalSince1970: 0), until: Date())])
    func theQueryNeverSorts(filter: ExportFilter) async throws {
        let f = try ModerationStoreFixture()
        let (sql, arguments) = AppDatabase.exportQuery(filter)
        let plan = try await f.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH comments USING") && $0.contains("comments_post_status_created") }, "\(plan)")
    }

    @Test func repliesAreFoundThroughThePartialParentIndex() async throws {
        let f = try ModerationStoreFixture()
        let plan = try await f.database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM comments WHERE parent_id = ?", arguments: [1])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("comments_parent (parent_id=?)") }, "\(plan)")
    }
}
