import Foundation
import HakamCore
import GRDB
@testable import HakamStore
import Testing
@testable import HakamSQLite

/// The history the verdict reads inside the write transaction must stay index searches: a scan
/// there grows with the database and stalls every submission behind it.
@Suite("History query plan")
struct HistoryQueryPlanTests {
    @Test func everyHistoryLookupIsAnIndexSearch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path)
        for sql in [AuthorHistory.historySQL, AuthorHistory.exactDuplicateSQL] {
            let plan = try await database.writer.read { db in
                let count = sql.contains("?9") ? 9 : 3
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql,
                                        arguments: StatementArguments(Array(repeating: "x", count: count)))
                    .map { $0["detail"] as String }
            }
            let tableLines = plan.filter { $0.contains("comments") || $0.contains("authors") }
            #expect(!tableLines.isEmpty)
            for line in tableLines {
                #expect(line.hasPrefix("SEARCH"), "not an index search: \(line)")
            }
            if sql == AuthorHistory.historySQL {
                // The day-first indexes are searched by day and hash (and future days by range).
                #expect(plan.contains { $0.contains("comments_day_folded_digest (<expr>=? AND folded_digest=? AND created_at>?)") }, "\(plan)")
                #expect(plan.contains { $0.contains("comments_day_ip (<expr>=? AND ip_hash=? AND created_at>?)") }, "\(plan)")
                #expect(plan.contains { $0.contains("comments_email_digest (email_hash=? AND folded_digest=? AND post_key=?)") }, "\(plan)")
                #expect(plan.contains { $0.contains("comments_post_status_created (post_key=? AND status=? AND created_at>?)") }, "\(plan)")
            }
        }
    }
}
