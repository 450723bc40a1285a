import Foundation
import HakamCore
import HakamStore
import PostgresNIO

extension PostgresStore {
    public func classifierLessonTexts(after commentID: Int64, limit: Int) async throws -> [ClassifierLessonText] {
        // A forgotten comment keeps its text but not its name or website: its lesson keeps the
        // score it was stored with.
        try await rows("""
            SELECT e.comment_id, e.content_score, c.name, c.url, c.body
            FROM classifier_examples e JOIN comments c ON c.id = e.comment_id
            WHERE e.label IS NOT NULL AND e.comment_id > \(commentID)
              AND NOT EXISTS (SELECT 1 FROM moderation_events m WHERE m.comment_id = e.comment_id AND m.action = \(AuditAction.forget))
            ORDER BY e.comment_id
            LIMIT \(Int64(limit))
            """).map { row in
            let (id, score, name, url, body) = try row.decode((Int64, Double?, String, String?, String).self)
            return ClassifierLessonText(commentID: id, name: name, url: url, body: body, contentScore: score)
        }
    }

    public func setClassifierContentScores(_ scores: [(commentID: Int64, score: Double)]) async throws {
        guard !scores.isEmpty else { return }
        let ids = scores.map(\.commentID), values = scores.map(\.score)
        try await transaction { connection, logger in
            try await connection.query("""
                UPDATE classifier_examples AS e SET content_score = t.s
                FROM unnest(\(ids)::int8[], \(values)::float8[]) AS t(id, s)
                WHERE e.comment_id = t.id
                """, logger: logger)
        }
    }

    public func classifierScoreCensus() async throws -> ClassifierScoreCensus {
        let moderated = try await rows("""
            SELECT count(*), count(*) - count(content_score) FROM classifier_examples WHERE label IS NOT NULL
            """)[0].decode((Int64, Int64).self)
        let seeds = try await rows("SELECT count(*), count(*) - count(content_score) FROM classifier_seeds")[0].decode((Int64, Int64).self)
        return ClassifierScoreCensus(moderated: Int(moderated.0), moderatedWithoutScore: Int(moderated.1),
                                     seeds: Int(seeds.0), seedsWithoutScore: Int(seeds.1))
    }
}
