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
    /// The indexes keep a submission's writes few (migration 0013): besides `authors`, only
    /// `comments_email_digest` is keyed by a random hash over the whole history. The look-ups
    /// that only care about a recent window (the newest comment by the address, copies on other
    /// articles in the last day) read indexes that start with the comment's day, which a new
    /// comment writes next to the other comments of the day. The newest comment by the email is
    /// the author's `last_seen_at`. Days after today are searched too, so a comment dated in the
    /// future counts as it did before.
    ///
    /// INDEXED BY: without statistics SQLite may take the (post_key, …) index for the duplicate
    /// lookups and read every comment on the article.
    /// Arguments: ?1 email hash, ?2 IP hash (NULL: none), ?3 folded digest, ?4 post key,
    /// ?5 start of the cross-post window, ?6 start of the burst window, ?7 how far to count the burst,
    /// ?8 start of the flood window, ?9 the comment's time.
    static let historySQL = """
        WITH RECURSIVE
            flood_days(day) AS (SELECT substr(?8, 1, 10)
                                UNION ALL SELECT date(day, '+1 day') FROM flood_days WHERE day < substr(?9, 1, 10)),
            copy_days(day) AS (SELECT substr(?5, 1, 10)
                               UNION ALL SELECT date(day, '+1 day') FROM copy_days WHERE day < substr(?9, 1, 10))
        SELECT
            authors.approved_count, authors.spam_count,
            CASE WHEN authors.last_seen_at > ?8 THEN authors.last_seen_at END AS last_by_email,
            (SELECT max(created_at) FROM (
                SELECT created_at FROM comments INDEXED BY comments_day_ip
                WHERE substr(created_at, 1, 10) IN flood_days AND ip_hash = ?2 AND created_at > ?8
                UNION ALL
                SELECT created_at FROM comments INDEXED BY comments_day_ip
                WHERE substr(created_at, 1, 10) > substr(?9, 1, 10) AND ip_hash = ?2)) AS last_by_ip,
            EXISTS (SELECT 1 FROM comments INDEXED BY comments_email_digest
                    WHERE email_hash = ?1 AND folded_digest = ?3 AND post_key = ?4) AS duplicate,
            (SELECT count(*) FROM (
                SELECT 1 FROM comments INDEXED BY comments_day_folded_digest
                WHERE substr(created_at, 1, 10) IN copy_days AND folded_digest = ?3 AND created_at > ?5 AND post_key <> ?4
                UNION ALL
                SELECT 1 FROM comments INDEXED BY comments_day_folded_digest
                WHERE substr(created_at, 1, 10) > substr(?9, 1, 10) AND folded_digest = ?3 AND post_key <> ?4
                LIMIT 20)) AS cross_post_copies,
            (SELECT count(*) FROM (SELECT 1 FROM comments INDEXED BY comments_post_status_created
                                   WHERE post_key = ?4 AND status IN ('pending', 'approved', 'spam', 'trash') AND created_at > ?6
                                   LIMIT ?7)) AS recent_on_post
        FROM (SELECT 1) LEFT JOIN authors ON authors.email_hash = ?1
        """

    /// Comments stored before the folded digest existed (0003) have none: for a comment without
    /// one, the exact copy is looked up among the author's own comments.
    static let exactDuplicateSQL = """
        SELECT 1 FROM comments INDEXED BY comments_email_digest
        WHERE email_hash = ? AND body_digest = ? AND post_key = ? LIMIT 1
        """

    static func fetch(_ db: Database, for comment: NewComment) throws -> AuthorHistory {
        let row = try Row.fetchOne(db.cachedStatement(sql: historySQL), arguments: [
            comment.emailHash, comment.ipHash, comment.foldedDigest, comment.postKey,
            DatabaseTimestamp.string(comment.createdAt.addingTimeInterval(-crossPostWindow)),
            DatabaseTimestamp.string(comment.createdAt.addingTimeInterval(-burstWindow)), max(0, comment.postBurstCountLimit),
            DatabaseTimestamp.string(comment.floodStart), DatabaseTimestamp.string(comment.createdAt),
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
