import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// The database-wide generation: one primary-key read.
    public func publicGeneration() async throws -> Int64 {
        try await writer.read { db in try Self.globalGeneration(db) }
    }

    /// The database-wide and one post's generation, from one snapshot.
    public func publicGenerations(post: String) async throws -> PublicGenerations {
        try await writer.read { db in try Self.generations(db, post: post) }
    }

    /// Every approved comment of `post` (oldest first, ties by id) with their generations.
    public func publishedComments(post: String) async throws -> PublishedComments {
        try await writer.read { db in
            let generations = try Self.generations(db, post: post)
            var comments: [PublicComment] = []
            // The same public selection as `hakam export`, so the two cannot drift.
            try PublicCommentRow.forEach(db, sql: """
                SELECT \(PublicComment.selection) FROM comments WHERE post_key = ? AND status = 'approved'
                ORDER BY created_at, id
                """, arguments: [post]) { comments.append($0.comment) }
            return PublishedComments(generations: generations, comments: comments)
        }
    }

    private static func globalGeneration(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT generation FROM public_generation WHERE id = 1") ?? 0
    }

    private static func generations(_ db: Database, post: String) throws -> PublicGenerations {
        let postGeneration = try Int64.fetchOne(db, sql: "SELECT generation FROM post_generations WHERE post_key = ?", arguments: [post]) ?? 0
        return PublicGenerations(global: try globalGeneration(db), post: postGeneration)
    }
}
