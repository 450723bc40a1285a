import Foundation
import HakamCore
import HakamStore
import Logging
import PostgresNIO

extension PostgresStore {
    public func approvedCommentCount(_ filter: ExportFilter) async throws -> Int {
        Int(try await rows(Self.exportQuery("SELECT count(*) FROM comments", filter))[0].decode(Int64.self))
    }

    /// Streams the rows from one REPEATABLE READ snapshot (row by row, memory stays flat).
    /// No timeout: a long export is not a stuck one.
    public func exportApprovedComments(_ filter: ExportFilter, _ body: (any ExportedCommentRow) throws -> Void) async throws -> Int {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    let rows = try await connection.query(
                        Self.exportQuery("SELECT \(Self.publicSelection) FROM comments", filter, suffix: "ORDER BY post_key, created_at, id"),
                        logger: logger)
                    var count = 0
                    for try await row in rows {
                        try body(DecodedCommentRow(try Self.publicComment(row)))
                        count += 1
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return count
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresFailure.storeError(error)
        }
    }

    static func exportQuery(_ select: String, _ filter: ExportFilter, suffix: String = "") -> PostgresQuery {
        """
        \(unescaped: select) WHERE status = 'approved'
          AND (\(filter.post)::text IS NULL OR post_key = \(filter.post))
          AND (\(filter.since)::timestamptz IS NULL OR updated_at >= \(filter.since))
          AND (\(filter.until)::timestamptz IS NULL OR updated_at < \(filter.until))
        \(unescaped: suffix)
        """
    }

    /// `body` runs first and only collects (a driver cannot be awaited inside the caller's
    /// synchronous reader); the comments are then written in one transaction. Sources already
    /// imported are known up front, so `add` answers `alreadyImported` at once.
    public func importComments<T>(now: Date, _ body: (any CommentImportSession) throws -> T) async throws -> (result: T, parentsLinked: Int) {
        let known = try await rows("SELECT source, source_id FROM import_sources").map { row in
            let (source, id) = try row.decode((String, String).self)
            return ImportKey(source: source, sourceID: id)
        }
        let session = PostgresImportSession(known: Set(known))
        let result = try body(session)
        let comments = session.comments
        let linked = try await transaction(limited: false) { connection, logger in
            for comment in comments {
                try await Self.insertImported(connection, logger, comment, now: now)
            }
            let rows = try await connection.query("""
                WITH links AS (
                    SELECT c.comment_id AS child, p.comment_id AS parent FROM import_sources c
                    JOIN import_sources p ON p.source = c.source AND p.source_id = c.source_parent_id
                    WHERE c.comment_id IS NOT NULL AND p.comment_id IS NOT NULL AND c.imported_at = \(now)
                )
                UPDATE comments SET parent_id = links.parent FROM links
                WHERE comments.id = links.child AND comments.parent_id IS NULL
                RETURNING comments.id
                """, logger: logger).collect()
            return rows.count
        }
        return (result, linked)
    }

    static func insertImported(_ connection: PostgresConnection, _ logger: Logger, _ comment: ImportedComment, now: Date) async throws {
        let event = AuditEvent(
            comment: .insertedBy(step: "stored"), action: ImportMarks.auditAction, from: nil, to: comment.status,
            actor: ImportMarks.actor, note: "comment \(comment.sourceID) of \(comment.source)", at: now)
        try await connection.query("""
            WITH parent AS (
                SELECT comment_id FROM import_sources WHERE source = \(comment.source) AND source_id = \(comment.sourceParentID)
            ), post AS (
                INSERT INTO posts (key, created_at) VALUES (\(comment.postKey), \(comment.createdAt)) ON CONFLICT (key) DO NOTHING
            ), stored AS (
                INSERT INTO comments (post_key, parent_id, name, url, body, status, score, reasons, policy_version,
                    email_hash, email_sealed, ip_hash, user_agent, body_digest, folded_digest, created_at, updated_at)
                VALUES (\(comment.postKey), (SELECT comment_id FROM parent), \(comment.name.isEmpty ? AnonymousAuthor.name : comment.name),
                        \(comment.url), \(comment.body), \(comment.status.rawValue), 0, '[]', \(ImportMarks.policyVersion),
                        \(comment.emailHash), \(comment.emailSealed), \(comment.ipHash), NULL, \(BodyDigest.exact(comment.body)),
                        \(BodyDigest.folded(comment.body)), \(comment.createdAt), \(now))
                RETURNING id
            ), event AS (
                \(insert: event)
            )
            INSERT INTO import_sources (source, source_id, source_parent_id, comment_id, imported_at)
            SELECT \(comment.source), \(comment.sourceID), \(comment.sourceParentID), id, \(now) FROM stored
            """, logger: logger)
    }
}

struct ImportKey: Hashable {
    let source: String
    let sourceID: String
}

/// Collects an import for `PostgresStore.importComments`.
final class PostgresImportSession: CommentImportSession {
    private var known: Set<ImportKey>
    private(set) var comments: [ImportedComment] = []

    init(known: Set<ImportKey>) {
        self.known = known
    }

    func add(_ comment: ImportedComment) throws -> ImportOutcome {
        guard known.insert(ImportKey(source: comment.source, sourceID: comment.sourceID)).inserted else { return .alreadyImported }
        comments.append(comment)
        return .imported(commentID: nil)
    }
}
