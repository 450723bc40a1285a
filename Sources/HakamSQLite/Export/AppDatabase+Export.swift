import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Calls `body` for every approved comment matching `filter`, in the export order (post,
    /// created time, id), from one read transaction: a consistent snapshot, stepped row by row
    /// so memory stays flat whatever the count. Returns the number of comments.
    ///
    /// Synchronous on purpose: the caller writes each comment out before the next is read.
    public func forEachApprovedComment(_ filter: ExportFilter, _ body: (PublicCommentRow) throws -> Void) throws -> Int {
        try writer.read { db in
            let (sql, arguments) = Self.exportQuery(filter)
            var count = 0
            try PublicCommentRow.forEach(db, sql: sql, arguments: arguments) { row in
                try body(row)
                count += 1
            }
            return count
        }
    }

    public func exportApprovedComments(_ filter: ExportFilter, _ body: (any ExportedCommentRow) throws -> Void) async throws -> Int {
        try forEachApprovedComment(filter) { row in try body(row) }
    }

    public func approvedCommentCount(_ filter: ExportFilter) async throws -> Int {
        try await writer.read { db in try Self.approvedCommentCount(db, filter) }
    }

    /// How many comments `forEachApprovedComment` would visit (for a progress bar).
    public func approvedCommentCount(_ filter: ExportFilter) throws -> Int {
        try writer.read { db in try Self.approvedCommentCount(db, filter) }
    }

    static func approvedCommentCount(_ db: Database, _ filter: ExportFilter) throws -> Int {
        let (whereClause, arguments) = exportConditions(filter)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE \(whereClause)", arguments: arguments) ?? 0
    }

    /// Post by post (posts are keyed by `key`, so they are read in key order), each post's
    /// approved comments through (post_key, status, created_at): the export order without a sort
    /// step and without an index of its own (migration 0007).
    static func exportQuery(_ filter: ExportFilter) -> (String, StatementArguments) {
        let (whereClause, arguments) = exportConditions(filter)
        return ("""
            SELECT \(PublicComment.selection(of: "comments")) FROM posts
            CROSS JOIN comments INDEXED BY comments_post_status_created ON comments.post_key = posts.key
            WHERE \(whereClause)
            ORDER BY posts.key, comments.created_at, comments.id
            """, arguments)
    }

    private static func exportConditions(_ filter: ExportFilter) -> (String, StatementArguments) {
        var conditions = ["comments.status = 'approved'"]
        var arguments = StatementArguments()
        if let post = filter.post {
            conditions.append("comments.post_key = ?")
            arguments += [post]
        }
        if let since = filter.since {
            conditions.append("comments.updated_at >= ?")
            arguments += [since]
        }
        if let until = filter.until {
            conditions.append("comments.updated_at < ?")
            arguments += [until]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
