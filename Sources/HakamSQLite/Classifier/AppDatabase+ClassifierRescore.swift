import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    public func classifierLessonTexts(after commentID: Int64, limit: Int) async throws -> [ClassifierLessonText] {
        try await writer.read { db in
            // A forgotten comment keeps its text but not its name or website: its lesson keeps
            // the score it was stored with.
            try Row.fetchAll(db, sql: """
                SELECT e.comment_id, e.content_score, c.name, c.url, c.body
                FROM classifier_examples e JOIN comments c ON c.id = e.comment_id
                WHERE e.label IS NOT NULL AND e.comment_id > ?
                  AND NOT EXISTS (SELECT 1 FROM moderation_events m WHERE m.comment_id = e.comment_id AND m.action = ?)
                ORDER BY e.comment_id
                LIMIT ?
                """, arguments: [commentID, AuditAction.forget, limit]).map { row in
                ClassifierLessonText(commentID: row["comment_id"], name: row["name"], url: row["url"], body: row["body"],
                                     contentScore: row["content_score"])
            }
        }
    }

    public func setClassifierContentScores(_ scores: [(commentID: Int64, score: Double)]) async throws {
        guard !scores.isEmpty else { return }
        try await writer.write { db in
            let update = try db.cachedStatement(sql: "UPDATE classifier_examples SET content_score = ? WHERE comment_id = ?")
            for (commentID, score) in scores { try update.execute(arguments: [score, commentID]) }
        }
    }

    public func classifierScoreCensus() async throws -> ClassifierScoreCensus {
        try await writer.read { db in
            let moderated = try Row.fetchOne(db, sql: """
                SELECT count(*) AS n, count(*) - count(content_score) AS unscored FROM classifier_examples WHERE label IS NOT NULL
                """)
            let seeds = try Row.fetchOne(db, sql: "SELECT count(*) AS n, count(*) - count(content_score) AS unscored FROM classifier_seeds")
            return ClassifierScoreCensus(moderated: moderated?["n"] ?? 0, moderatedWithoutScore: moderated?["unscored"] ?? 0,
                                         seeds: seeds?["n"] ?? 0, seedsWithoutScore: seeds?["unscored"] ?? 0)
        }
    }
}
