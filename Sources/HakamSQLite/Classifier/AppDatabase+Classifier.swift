import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// The counts and their generation, to build a model from.
    public func classifierCounts() async throws -> (counts: ClassifierCounts, generation: Int64) {
        try await writer.read { db in try Self.loadClassifierCounts(db) }
    }

    /// The generation alone: one row, for a cheap staleness check.
    public func classifierGeneration() async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT generation FROM classifier_state WHERE id = 1") ?? 0
        }
    }

    /// Adds labelled examples (`hakam train`) in one transaction. Seeded examples belong to no
    /// comment, so no undo applies to them.
    public func trainClassifier(_ counts: ClassifierCounts, examples: [ClassifierTrainingExample], now: Date) async throws {
        try await writer.write { db in
            let seed = try db.cachedStatement(sql: "INSERT INTO classifier_seeds (label, features, content_score) VALUES (?, ?, ?)")
            for example in examples {
                try seed.execute(arguments: [example.spam ? "spam" : "ham", Self.encodeFeatures(example.features), example.contentScore])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO classifier_features (feature, spam, ham) VALUES (?, ?, ?)
                ON CONFLICT (feature) DO UPDATE SET spam = spam + excluded.spam, ham = ham + excluded.ham
                """)
            for (hash, pair) in counts.features {
                try upsert.execute(arguments: [Int64(bitPattern: hash), pair.spam, pair.ham])
            }
            try Self.changeClassifierTotals(db, documents: counts.documents, features: counts.featureTotals, sign: 1, now: now)
        }
    }

    public func classifierTrainingExamples() async throws -> [ClassifierTrainingExample] {
        try await writer.read { db in
            var examples: [ClassifierTrainingExample] = []
            let seeds = try Row.fetchCursor(db, sql: "SELECT label, features, content_score FROM classifier_seeds ORDER BY id")
            while let row = try seeds.next() {
                examples.append(ClassifierTrainingExample(features: Self.decodeFeatures(row["features"]), spam: row["label"] == "spam",
                                                          contentScore: row["content_score"]))
            }
            let moderated = try Row.fetchCursor(db, sql: "SELECT comment_id, label, features, content_score FROM classifier_examples WHERE label IS NOT NULL ORDER BY comment_id")
            while let row = try moderated.next() {
                examples.append(ClassifierTrainingExample(features: Self.decodeFeatures(row["features"]), spam: row["label"] == "spam",
                                                          contentScore: row["content_score"], commentID: row["comment_id"]))
            }
            return examples
        }
    }

    public func classifierChoice() async throws -> ClassifierChoice {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT model, cutoff_log_odds, cutoff_fp_rate, cutoff_documents FROM classifier_state WHERE id = 1") else {
                return ClassifierChoice()
            }
            return ClassifierChoice(kind: ClassifierKind(rawValue: row["model"]) ?? .naiveBayes,
                                    cutoffLogOdds: row["cutoff_log_odds"], targetFalsePositiveRate: row["cutoff_fp_rate"],
                                    documentsAtChoice: row["cutoff_documents"])
        }
    }

    public func setClassifierChoice(_ choice: ClassifierChoice, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE classifier_state SET model = ?, cutoff_log_odds = ?, cutoff_fp_rate = ?, cutoff_documents = ?,
                    generation = generation + 1, updated_at = ?
                WHERE id = 1
                """, arguments: [choice.kind.rawValue, choice.cutoffLogOdds, choice.targetFalsePositiveRate, choice.documentsAtChoice, now])
        }
    }

    /// What `hakam classifier stats` shows.
    public func classifierStats() async throws -> ClassifierStats {
        try await writer.read { db in
            let state = try Row.fetchOne(db, sql: "SELECT * FROM classifier_state WHERE id = 1")
            let features = try Int.fetchOne(db, sql: "SELECT count(*) FROM classifier_features") ?? 0
            let moderated = try Row.fetchAll(db, sql: "SELECT label, count(*) AS n FROM classifier_examples WHERE label IS NOT NULL GROUP BY label")
            var fromModerators = ClassifierCounts.Pair()
            for row in moderated {
                if row["label"] == "spam" { fromModerators.spam = row["n"] } else { fromModerators.ham = row["n"] }
            }
            return ClassifierStats(
                documents: .init(spam: state?["spam_documents"] ?? 0, ham: state?["ham_documents"] ?? 0),
                fromModerators: fromModerators, features: features,
                generation: state?["generation"] ?? 0, updatedAt: state?["updated_at"])
        }
    }

    static func loadClassifierCounts(_ db: Database) throws -> (counts: ClassifierCounts, generation: Int64) {
        guard let state = try Row.fetchOne(db, sql: "SELECT * FROM classifier_state WHERE id = 1") else {
            return (ClassifierCounts(), 0)
        }
        var features: [UInt64: ClassifierCounts.Pair] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT feature, spam, ham FROM classifier_features")
        while let row = try cursor.next() {
            let hash: Int64 = row[0]
            features[UInt64(bitPattern: hash)] = .init(spam: row[1], ham: row[2])
        }
        let counts = ClassifierCounts(
            features: features,
            documents: .init(spam: state["spam_documents"], ham: state["ham_documents"]),
            featureTotals: .init(spam: state["spam_features"], ham: state["ham_features"]))
        return (counts, state["generation"])
    }

    /// Keeps the classifier in step with a moderator's status change (inside its transaction):
    /// approve teaches ham, spam teaches spam, anything else unteaches. The comment's features
    /// are extracted on its first lesson and reused afterwards, so reversals are exact.
    static func teachClassifier(_ db: Database, commentID: Int64, to status: CommentStatus, lessons: ClassifierLessons, now: Date) throws {
        let newLabel = ClassifierLabel(status: status)
        let existing = try Row.fetchOne(db, sql: "SELECT label, features FROM classifier_examples WHERE comment_id = ?", arguments: [commentID])
        let oldLabel: ClassifierLabel? = (existing?["label"] as String?).flatMap(ClassifierLabel.init(rawValue:))
        guard oldLabel != newLabel else { return }
        let features: [UInt64]
        var contentScore: Double?
        if let existing {
            features = Self.decodeFeatures(existing["features"])
        } else {
            guard let row = try Row.fetchOne(db, sql: "SELECT name, url, body FROM comments WHERE id = ?", arguments: [commentID]) else { return }
            let input = ClassifierInput(name: row["name"], url: row["url"], body: row["body"])
            features = lessons.extractor.features(of: input)
            contentScore = lessons.scorer?.score(input)
        }
        if let oldLabel { try changeFeatureCounts(db, features, label: oldLabel, sign: -1, now: now) }
        if let newLabel { try changeFeatureCounts(db, features, label: newLabel, sign: 1, now: now) }
        try db.execute(sql: """
            INSERT INTO classifier_examples (comment_id, label, features, content_score) VALUES (?, ?, ?, ?)
            ON CONFLICT (comment_id) DO UPDATE SET label = excluded.label
            """, arguments: [commentID, newLabel?.rawValue, Self.encodeFeatures(features), contentScore])
    }

    private static func changeFeatureCounts(_ db: Database, _ features: [UInt64], label: ClassifierLabel, sign: Int, now: Date) throws {
        let column = label == .spam ? "spam" : "ham"
        if sign > 0 {
            let statement = try db.cachedStatement(sql: """
                INSERT INTO classifier_features (feature, \(column)) VALUES (?, 1)
                ON CONFLICT (feature) DO UPDATE SET \(column) = \(column) + 1
                """)
            for hash in features { try statement.execute(arguments: [Int64(bitPattern: hash)]) }
        } else {
            let update = try db.cachedStatement(sql: "UPDATE classifier_features SET \(column) = \(column) - 1 WHERE feature = ?")
            let prune = try db.cachedStatement(sql: "DELETE FROM classifier_features WHERE feature = ? AND spam = 0 AND ham = 0")
            for hash in features {
                try update.execute(arguments: [Int64(bitPattern: hash)])
                try prune.execute(arguments: [Int64(bitPattern: hash)])
            }
        }
        var documents = ClassifierCounts.Pair(), totals = ClassifierCounts.Pair()
        documents[label] = 1
        totals[label] = features.count
        try changeClassifierTotals(db, documents: documents, features: totals, sign: sign, now: now)
    }

    private static func changeClassifierTotals(_ db: Database, documents: ClassifierCounts.Pair, features: ClassifierCounts.Pair, sign: Int, now: Date) throws {
        try db.execute(sql: """
            UPDATE classifier_state SET
                spam_documents = spam_documents + ?, ham_documents = ham_documents + ?,
                spam_features = spam_features + ?, ham_features = ham_features + ?,
                generation = generation + 1, updated_at = ?
            WHERE id = 1
            """, arguments: [sign * documents.spam, sign * documents.ham, sign * features.spam, sign * features.ham, now])
    }

    static func encodeFeatures(_ features: [UInt64]) -> Data {
        ClassifierExampleFeatures.encode(features)
    }

    static func decodeFeatures(_ data: Data?) -> [UInt64] {
        ClassifierExampleFeatures.decode(data)
    }
}
