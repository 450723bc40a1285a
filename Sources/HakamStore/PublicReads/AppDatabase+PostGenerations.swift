import GRDB
import HakamCore

/// Where the public comments of the database stand: `global` moves with every change to any
/// post's approved comments, `post` with every change to one post's (migration 0008's triggers,
/// in the writer's transaction).
public struct PublicGenerations: Sendable, Equatable {
    public var global: Int64
    public var post: Int64

    public init(global: Int64, post: Int64) {
        self.global = global
        self.post = post
    }
}

/// All approved comments of a post, oldest first, and the generations they were read at (the
/// same read transaction, so the comments are exactly those of `generations.post`).
public struct PublishedComments: Sendable {
    public var generations: PublicGenerations
    public var comments: [PublicComment]
}

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
