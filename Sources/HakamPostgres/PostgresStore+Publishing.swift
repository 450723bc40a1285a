import Foundation
import HakamCore
import HakamStore
import PostgresNIO

/// The publisher's reads and the map of published copies (migration 0004).
extension PostgresStore {
    public func publishableComment(id: Int64) async throws -> PublishableComment? {
        let rows = try await rows("SELECT id, post_key, parent_id, name, url, body, status, created_at FROM comments WHERE id = \(id)")
        guard let row = rows.first else { return nil }
        let (id, post, parent, name, url, body, status, created) = try row.decode((Int64, String, Int64?, String, String?, String, String, Date).self)
        return PublishableComment(id: id, postKey: post, parentID: parent, name: name, url: url, body: body,
                                  status: CommentStatus(rawValue: status) ?? .pending, createdAt: created)
    }

    public func publishedCopy(commentID: Int64, site: String) async throws -> Int64? {
        try await rows("SELECT remote_id FROM published_copies WHERE site = \(site) AND comment_id = \(commentID)")
            .first.map { try $0.decode(Int64.self) }
    }

    public func recordPublishedCopy(commentID: Int64, site: String, remoteID: Int64, now: Date) async throws {
        _ = try await rows("""
            INSERT INTO published_copies (site, comment_id, remote_id, published_at) VALUES (\(site), \(commentID), \(remoteID), \(now))
            ON CONFLICT (site, comment_id) DO UPDATE SET remote_id = excluded.remote_id, published_at = excluded.published_at
            """)
    }

    public func claimPublishing(commentID: Int64, site: String, holder: String, until: Date, now: Date) async throws -> Bool {
        let claimed = try await rows("""
            INSERT INTO publishing_claims (site, comment_id, holder, claimed_until) VALUES (\(site), \(commentID), \(holder), \(until))
            ON CONFLICT (site, comment_id) DO UPDATE SET holder = excluded.holder, claimed_until = excluded.claimed_until
            WHERE publishing_claims.holder = excluded.holder OR publishing_claims.claimed_until <= \(now)
            RETURNING 1
            """)
        return !claimed.isEmpty
    }

    public func releasePublishing(commentID: Int64, site: String, holder: String) async throws {
        _ = try await rows("DELETE FROM publishing_claims WHERE site = \(site) AND comment_id = \(commentID) AND holder = \(holder)")
    }

    public func removePublishedCopy(commentID: Int64, site: String) async throws {
        _ = try await rows("DELETE FROM published_copies WHERE site = \(site) AND comment_id = \(commentID)")
    }

    public func publishedReplies(to commentID: Int64, site: String) async throws -> [(commentID: Int64, remoteID: Int64)] {
        try await rows("""
            SELECT comments.id, published_copies.remote_id FROM comments
            JOIN published_copies ON published_copies.site = \(site) AND published_copies.comment_id = comments.id
            WHERE comments.parent_id = \(commentID) AND comments.status = 'approved' ORDER BY comments.id
            """).map { row in
            let (id, remote) = try row.decode((Int64, Int64).self)
            return (commentID: id, remoteID: remote)
        }
    }

    public func approvedCommentIDs(since: Date?, afterID: Int64, limit: Int) async throws -> [Int64] {
        try await rows("""
            SELECT id FROM comments WHERE status = 'approved' AND id > \(afterID) AND updated_at >= \(since ?? Date(timeIntervalSince1970: 0))
            ORDER BY id LIMIT \(limit)
            """).map { try $0.decode(Int64.self) }
    }

    public func approvedCommentCount(since: Date?) async throws -> Int {
        Int(try await rows("""
            SELECT count(*) FROM comments WHERE status = 'approved' AND updated_at >= \(since ?? Date(timeIntervalSince1970: 0))
            """)[0].decode(Int64.self))
    }
}
