import Foundation
import HakamCore
import HakamStore
import PostgresNIO

/// The read cache's change signal (migration 0002's triggers). Each method is one statement, so
/// what it returns comes from one snapshot even under READ COMMITTED.
extension PostgresStore {
    private static let generationsSelection = """
        (SELECT generation FROM public_generation WHERE id = 1),
        COALESCE((SELECT generation FROM post_generations WHERE post_key = g.key), 0)
        """

    public func publicGeneration() async throws -> Int64 {
        let rows = try await rows("SELECT generation FROM public_generation WHERE id = 1")
        return try rows.first?.decode(Int64.self) ?? 0
    }

    public func publicGenerations(post: String) async throws -> PublicGenerations {
        let rows = try await rows("SELECT \(unescaped: Self.generationsSelection) FROM (SELECT \(post)::text AS key) g")
        let (global, postGeneration) = try rows[0].decode((Int64?, Int64).self)
        return PublicGenerations(global: global ?? 0, post: postGeneration)
    }

    public func publishedComments(post: String) async throws -> PublishedComments {
        // The generations ride on every row (a LEFT JOIN keeps one row when there is no comment).
        let rows = try await rows("""
            SELECT \(unescaped: Self.generationsSelection), c.id, c.post_key, c.parent_id, c.name, c.url, c.body, c.status, c.created_at
            FROM (SELECT \(post)::text AS key) g
            LEFT JOIN comments c ON c.post_key = g.key AND c.status = 'approved'
            ORDER BY c.created_at, c.id
            """)
        var generations = PublicGenerations(global: 0, post: 0)
        var comments: [PublicComment] = []
        comments.reserveCapacity(rows.count)
        for row in rows {
            let (global, postGeneration, id, key, parent, name, url, body, status, createdAt) = try row.decode(
                (Int64?, Int64, Int64?, String?, Int64?, String?, String?, String?, String?, Date?).self)
            generations = PublicGenerations(global: global ?? 0, post: postGeneration)
            guard let id, let key, let name, let body, let status, let createdAt else { continue }
            comments.append(PublicComment(id: id, post: key, parent: parent, name: name, url: url, body: body,
                                          status: CommentStatus(rawValue: status) ?? .approved, createdAt: createdAt))
        }
        return PublishedComments(generations: generations, comments: comments)
    }
}
