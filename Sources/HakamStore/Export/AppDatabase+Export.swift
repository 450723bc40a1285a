import Foundation
import GRDB
import HakamCore

extension AppDatabase {
    /// Calls `body` for every approved comment matching `filter`, in the export order (post,
    /// created time, id), from one read transaction: a consistent snapshot, stepped row by row
    /// so memory stays flat whatever the count. Returns the number of comments.
    ///
    /// Synchronous on purpose: the caller writes each comment out before the next is read.
    public func forEachApprovedComment(_ filter: ExportFilter, _ body: (PublicCommentRow) throws -> Void) throws -> Int {
        try writer.read { db in
            let (whereClause, arguments) = Self.exportConditions(filter)
            var count = 0
            try PublicCommentRow.forEach(db, sql: """
                SELECT \(PublicComment.selection) FROM comments
                WHERE \(whereClause)
                ORDER BY post_key, created_at, id
                """, arguments: arguments) { row in
                try body(row)
                count += 1
            }
            return count
        }
    }

    /// How many comments `forEachApprovedComment` would visit (for a progress bar).
    public func approvedCommentCount(_ filter: ExportFilter) throws -> Int {
        try writer.read { db in
            let (whereClause, arguments) = Self.exportConditions(filter)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE \(whereClause)", arguments: arguments) ?? 0
        }
    }

    private static func exportConditions(_ filter: ExportFilter) -> (String, StatementArguments) {
        var conditions = ["status = 'approved'"]
        var arguments = StatementArguments()
        if let post = filter.post {
            conditions.append("post_key = ?")
            arguments += [post]
        }
        if let since = filter.since {
            conditions.append("updated_at >= ?")
            arguments += [since]
        }
        if let until = filter.until {
            conditions.append("updated_at < ?")
            arguments += [until]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
