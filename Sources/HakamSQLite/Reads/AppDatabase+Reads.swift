import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Approved comments of a post, oldest first (ties by id), paginated.
    public func approvedComments(post: String, page: Int, perPage: Int) async throws -> PublicCommentPage {
        try await writer.read { db in
            let filter = CommentRecord.filter(CommentRecord.Columns.postKey == post && CommentRecord.Columns.status == CommentStatus.approved.rawValue)
            let total = try filter.fetchCount(db)
            // The same public selection as `hakam export`, so the two cannot drift.
            var comments: [PublicComment] = []
            try PublicCommentRow.forEach(db, sql: """
                SELECT \(PublicComment.selection) FROM comments WHERE post_key = ? AND status = 'approved'
                ORDER BY created_at, id LIMIT ? OFFSET ?
                """, arguments: [post, perPage, (page - 1) * perPage]) { comments.append($0.comment) }
            return PublicCommentPage(total: total, comments: comments)
        }
    }

    public func comment(id: Int64) async throws -> CommentRecord? {
        try await writer.read { db in try CommentRecord.fetchOne(db, key: id) }
    }

    public func events(commentID: Int64) async throws -> [ModerationEventRecord] {
        try await writer.read { db in
            try ModerationEventRecord.filter(ModerationEventRecord.Columns.commentID == commentID).order(ModerationEventRecord.Columns.id).fetchAll(db)
        }
    }

    /// Comments waiting for a moderator (for the `/metrics` queue-depth gauge).
    public func pendingCount() async throws -> Int {
        try await writer.read { db in
            try CommentRecord.filter(CommentRecord.Columns.status == CommentStatus.pending.rawValue).fetchCount(db)
        }
    }
}
