import Foundation
import HakamCore
import HakamStore
import Logging
import PostgresNIO

extension PostgresStore {
    public func classifierCounts() async throws -> (counts: ClassifierCounts, generation: Int64) {
        // One snapshot for the totals and the features, so they agree.
        try await transaction { connection, logger in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            let state = try await connection.query("""
                SELECT spam_documents::int8, ham_documents::int8, spam_features, ham_features, generation FROM classifier_state WHERE id = 1
                """, logger: logger).collect()
            guard let row = state.first else { return (ClassifierCounts(), 0) }
            let (spamDocuments, hamDocuments, spamFeatures, hamFeatures, generation) = try row.decode((Int64, Int64, Int64, Int64, Int64).self)
            var features: [UInt64: ClassifierCounts.Pair] = [:]
            let rows = try await connection.query("SELECT feature, spam::int8, ham::int8 FROM classifier_features", logger: logger)
            for try await (feature, spam, ham) in rows.decode((Int64, Int64, Int64).self) {
                features[UInt64(bitPattern: feature)] = .init(spam: Int(spam), ham: Int(ham))
            }
            let counts = ClassifierCounts(
                features: features, documents: .init(spam: Int(spamDocuments), ham: Int(hamDocuments)),
                featureTotals: .init(spam: Int(spamFeatures), ham: Int(hamFeatures)))
            return (counts, generation)
        }
    }

    public func classifierGeneration() async throws -> Int64 {
        try await rows("SELECT generation FROM classifier_state WHERE id = 1").first.map { try $0.decode(Int64.self) } ?? 0
    }

    public func trainClassifier(_ counts: ClassifierCounts, examples: [ClassifierTrainingExample], now: Date) async throws {
        let sorted = counts.features.sorted { Int64(bitPattern: $0.key) < Int64(bitPattern: $1.key) }
        try await transaction { connection, logger in
            for start in stride(from: 0, to: examples.count, by: 2_000) {
                let batch = examples[start..<min(start + 2_000, examples.count)]
                let labels = batch.map { $0.spam ? "spam" : "ham" }
                // Hex text: arrays of text bind everywhere; decode() turns each back into bytea.
                let features = batch.map { Self.hex(ClassifierExampleFeatures.encode($0.features)) }
                // NaN stands for an unknown score in the array (NULLIF turns it back into NULL).
                let scores = batch.map { $0.contentScore ?? .nan }
                try await connection.query("""
                    INSERT INTO classifier_seeds (label, features, content_score)
                    SELECT l, decode(f, 'hex'), NULLIF(s, 'NaN'::float8)
                    FROM unnest(\(labels)::text[], \(features)::text[], \(scores)::float8[]) AS t(l, f, s)
                    """, logger: logger)
            }
            // In batches, in key order: concurrent trainers and decisions lock feature rows in
            // the same order and never deadlock; `n = n + excluded.n` keeps every count exact.
            for start in stride(from: 0, to: sorted.count, by: 5_000) {
                let batch = sorted[start..<min(start + 5_000, sorted.count)]
                let features = batch.map { Int64(bitPattern: $0.key) }
                let spam = batch.map { Int64($0.value.spam) }, ham = batch.map { Int64($0.value.ham) }
                try await connection.query("""
                    INSERT INTO classifier_features (feature, spam, ham)
                    SELECT * FROM unnest(\(features)::int8[], \(spam)::int8[], \(ham)::int8[])
                    ON CONFLICT (feature) DO UPDATE SET spam = classifier_features.spam + excluded.spam, ham = classifier_features.ham + excluded.ham
                    """, logger: logger)
            }
            try await Self.changeClassifierTotals(connection, logger, documents: counts.documents, features: counts.featureTotals, sign: 1, now: now)
        }
    }

    public func classifierTrainingExamples() async throws -> [ClassifierTrainingExample] {
        var examples: [ClassifierTrainingExample] = []
        for row in try await rows("SELECT label, features, content_score FROM classifier_seeds ORDER BY id") {
            let (label, features, score) = try row.decode((String, Data, Double?).self)
            examples.append(ClassifierTrainingExample(features: ClassifierExampleFeatures.decode(features), spam: label == "spam", contentScore: score))
        }
        for row in try await rows("SELECT comment_id, label, features, content_score FROM classifier_examples WHERE label IS NOT NULL ORDER BY comment_id") {
            let (commentID, label, features, score) = try row.decode((Int64, String, Data, Double?).self)
            examples.append(ClassifierTrainingExample(features: ClassifierExampleFeatures.decode(features), spam: label == "spam", contentScore: score,
                                                      commentID: commentID))
        }
        return examples
    }

    public func classifierChoice() async throws -> ClassifierChoice {
        guard let row = try await rows("SELECT model, cutoff_log_odds, cutoff_fp_rate, cutoff_documents FROM classifier_state WHERE id = 1").first else {
            return ClassifierChoice()
        }
        let (model, cutoff, rate, documents) = try row.decode((String, Double?, Double?, Int64?).self)
        return ClassifierChoice(kind: ClassifierKind(rawValue: model) ?? .naiveBayes, cutoffLogOdds: cutoff, targetFalsePositiveRate: rate,
                                documentsAtChoice: documents.map(Int.init))
    }

    public func setClassifierChoice(_ choice: ClassifierChoice, now: Date) async throws {
        try await transaction { connection, logger in
            try await connection.query("""
                UPDATE classifier_state SET model = \(choice.kind.rawValue), cutoff_log_odds = \(choice.cutoffLogOdds),
                    cutoff_fp_rate = \(choice.targetFalsePositiveRate), cutoff_documents = \(choice.documentsAtChoice.map(Int64.init)),
                    generation = generation + 1, updated_at = \(now)
                WHERE id = 1
                """, logger: logger)
        }
    }

    public func classifierStats() async throws -> ClassifierStats {
        let state = try await rows("""
            SELECT spam_documents::int8, ham_documents::int8, generation, updated_at FROM classifier_state WHERE id = 1
            """)
        let features = try await rows("SELECT count(*) FROM classifier_features")[0].decode(Int64.self)
        var fromModerators = ClassifierCounts.Pair()
        for row in try await rows("SELECT label, count(*) FROM classifier_examples WHERE label IS NOT NULL GROUP BY label") {
            let (label, n) = try row.decode((String, Int64).self)
            if label == "spam" { fromModerators.spam = Int(n) } else { fromModerators.ham = Int(n) }
        }
        guard let row = state.first else { return ClassifierStats(documents: .init(), fromModerators: fromModerators, features: Int(features), generation: 0) }
        let (spamDocuments, hamDocuments, generation, updatedAt) = try row.decode((Int64, Int64, Int64, Date?).self)
        return ClassifierStats(documents: .init(spam: Int(spamDocuments), ham: Int(hamDocuments)), fromModerators: fromModerators,
                               features: Int(features), generation: generation, updatedAt: updatedAt)
    }

    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count * 2)
        for byte in data { bytes.append(digits[Int(byte >> 4)]); bytes.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Keeps the classifier in step with a moderator's status change, in its transaction:
    /// approve teaches ham, spam teaches spam, anything else unteaches.
    static func teachClassifier(_ connection: PostgresConnection, _ logger: Logger, commentID: Int64, to status: CommentStatus,
                                lessons: ClassifierLessons, now: Date) async throws {
        let newLabel = ClassifierLabel(status: status)
        let existing = try await connection.query("""
            SELECT label, features FROM classifier_examples WHERE comment_id = \(commentID) FOR UPDATE
            """, logger: logger).collect().first
        var oldText: String?, stored = Data()
        if let existing { (oldText, stored) = try existing.decode((String?, Data).self) }
        let oldLabel = oldText.flatMap(ClassifierLabel.init(rawValue:))
        guard oldLabel != newLabel else { return }
        let features: [UInt64]
        var contentScore: Double?
        if existing != nil {
            features = ClassifierExampleFeatures.decode(stored)
        } else {
            guard let row = try await connection.query("SELECT name, url, body FROM comments WHERE id = \(commentID)", logger: logger).collect().first
            else { return }
            let (name, url, body) = try row.decode((String, String?, String).self)
            let input = ClassifierInput(name: name, url: url, body: body)
            features = lessons.extractor.features(of: input)
            contentScore = lessons.scorer?.score(input)
        }
        if let oldLabel { try await changeFeatureCounts(connection, logger, features, label: oldLabel, sign: -1, now: now) }
        if let newLabel { try await changeFeatureCounts(connection, logger, features, label: newLabel, sign: 1, now: now) }
        try await connection.query("""
            INSERT INTO classifier_examples (comment_id, label, features, content_score)
            VALUES (\(commentID), \(newLabel?.rawValue), \(ClassifierExampleFeatures.encode(features)), \(contentScore))
            ON CONFLICT (comment_id) DO UPDATE SET label = excluded.label
            """, logger: logger)
    }

    private static func changeFeatureCounts(
        _ connection: PostgresConnection, _ logger: Logger, _ features: [UInt64], label: ClassifierLabel, sign: Int, now: Date
    ) async throws {
        let keys = features.map { Int64(bitPattern: $0) }.sorted()
        let column = label == .spam ? "spam" : "ham"
        if sign > 0 {
            try await connection.query("""
                INSERT INTO classifier_features (feature, \(unescaped: column)) SELECT k, 1 FROM unnest(\(keys)::int8[]) AS k
                ON CONFLICT (feature) DO UPDATE SET \(unescaped: column) = classifier_features.\(unescaped: column) + 1
                """, logger: logger)
        } else {
            try await connection.query("""
                UPDATE classifier_features SET \(unescaped: column) = \(unescaped: column) - 1 WHERE feature = ANY(\(keys)::int8[])
                """, logger: logger)
            try await connection.query("""
                DELETE FROM classifier_features WHERE feature = ANY(\(keys)::int8[]) AND spam = 0 AND ham = 0
                """, logger: logger)
        }
        var documents = ClassifierCounts.Pair(), totals = ClassifierCounts.Pair()
        documents[label] = 1
        totals[label] = features.count
        try await changeClassifierTotals(connection, logger, documents: documents, features: totals, sign: sign, now: now)
    }

    private static func changeClassifierTotals(
        _ connection: PostgresConnection, _ logger: Logger, documents: ClassifierCounts.Pair, features: ClassifierCounts.Pair, sign: Int, now: Date
    ) async throws {
        try await connection.query("""
            UPDATE classifier_state SET
                spam_documents = spam_documents + \(Int64(sign * documents.spam)), ham_documents = ham_documents + \(Int64(sign * documents.ham)),
                spam_features = spam_features + \(Int64(sign * features.spam)), ham_features = ham_features + \(Int64(sign * features.ham)),
                generation = generation + 1, updated_at = \(now)
            WHERE id = 1
            """, logger: logger)
    }
}
