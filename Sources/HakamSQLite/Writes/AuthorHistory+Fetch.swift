import Foundation
import GRDB
import HakamCore
import HakamStore

extension AuthorHistory {
    /// How far back a copy on another article counts.
    static let crossPostWindow: TimeInterval = 24 * 3600
    /// How far back the burst count on one article looks.
    static let burstWindow: TimeInterval = 60

    /// Everything the verdict needs to know about the sender and the article, in one statement:
    /// one bind, step and reset on the single writer instead of one per lookup. Every subquery is
    /// an index search.
    ///
    /// INDEXED BY: without statistics SQLite may take the (post_key, …) index for the duplicate
    /// lookups and read every comment on the article; the digest index finds the copies directly.
    /// Arguments: ?1 email hash, ?2 IP hash (NULL: none), ?3 folded digest, ?4 post key,
    /// ?5 start of the cross-post window, ?6 start of the burst window, ?7 how far to count the burst.
    static let historySQL = """
        SELECT
            authors.approved_count, authors.spam_count,
            (SELECT max(created_at) FROM comments WHERE email_hash = ?1) AS last_by_email,
            (SELECT max(created_at) FROM comments WHERE ip_hash = ?2) AS last_by_ip,
            EXISTS (SELECT 1 FROM comments INDEXED BY comments_folded_digest
                    WHERE folded_digest = ?3 AND post_key = ?4 AND email_hash = ?1) AS duplicate,
            (SELECT count(*) FROM (SELECT 1 FROM comments INDEXED BY comments_folded_digest
                                   WHERE folded_digest = ?3 AND created_at > ?5 AND post_key <> ?4 LIMIT 20)) AS cross_post_copies,
            (SELECT count(*) FROM (SELECT 1 FROM comments INDEXED BY comments_post_status_created
                                   WHERE post_key = ?4 AND status IN ('pending', 'approved', 'spam', 'trash') AND created_at > ?6
                                   LIMIT ?7)) AS recent_on_post
        FROM (SELECT 1) LEFT JOIN authors ON authors.email_hash = ?1
        """

    /// Comments stored before the folded digest existed (0003) have none: for a comment without
    /// one, the exact copy is looked up among the author's own comments.
    static let exactDuplicateSQL = """
        SELECT 1 FROM comments INDEXED BY comments_email_created
        WHERE email_hash = ? AND body_digest = ? AND post_key = ? LIMIT 1
        """

    static func fetch(_ db: Database, for comment: NewComment) throws -> AuthorHistory {
        let row = try Row.fetchOne(db.cachedStatement(sql: historySQL), arguments: [
            comment.emailHash, comment.ipHash, comment.foldedDigest, comment.postKey,
            DatabaseTimestamp.string(comment.createdAt.addingTimeInterval(-crossPostWindow)),
            DatabaseTimestamp.string(comment.createdAt.addingTimeInterval(-burstWindow)), max(0, comment.postBurstCountLimit),
        ])
        guard let row else { return AuthorHistory() }
        let byEmail: Date? = row["last_by_email"]
        let byIP: Date? = row["last_by_ip"]
        var duplicate: Bool = row["duplicate"]
        if comment.foldedDigest == nil {
            duplicate = try Bool.fetchOne(db.cachedStatement(sql: exactDuplicateSQL),
                                          arguments: [comment.emailHash, comment.bodyDigest, comment.postKey]) ?? false
        }
        return AuthorHistory(
            approvedCount: row["approved_count"] ?? 0, spamCount: row["spam_count"] ?? 0,
            lastCommentAt: [byEmail, byIP].compactMap { $0 }.max(), hasDuplicate: duplicate,
            crossPostCopies: row["cross_post_copies"], recentOnPost: row["recent_on_post"])
    }
}
