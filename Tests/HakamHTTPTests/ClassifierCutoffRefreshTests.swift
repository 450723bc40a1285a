import Foundation
import HakamCore
import HakamService
import HakamSQLite
import HakamTestSupport
import Testing

/// The server keeps the false-positive rate the site asked for: once the model has learnt a
/// fifth more than when its cut-off was chosen, the background reload chooses it again from
/// every stored lesson, and the next reload judges with it.
@Suite("the server chooses the cut-off again as the model learns")
struct ClassifierCutoffRefreshTests {
    /// 40 lessons whose classes overlap (some ham shares spam's words), so the cut-off depends
    /// on which lessons there are.
    static func lessons() -> [ClassifierTrainingExample] {
        let extractor = FeatureExtractor()
        var lessons: [ClassifierTrainingExample] = []
        for n in 0..<20 {
            let spam = "free money \(n) subscribe to my channel" + (n % 3 == 0 ? " today" : " now")
            let ham = n % 4 == 0 ? "my channel covered the minister \(n) today" : "careful analysis of the budget \(n), thank you"
            lessons.append(ClassifierTrainingExample(features: extractor.features(of: ClassifierInput(name: "R", body: spam)), spam: true))
            lessons.append(ClassifierTrainingExample(features: extractor.features(of: ClassifierInput(name: "R", body: ham)), spam: false))
        }
        return lessons
    }

    static func train(_ database: AppDatabase, _ lessons: [ClassifierTrainingExample]) async throws {
        var counts = ClassifierCounts()
        for lesson in lessons { counts.apply(lesson.features, label: lesson.spam ? .spam : .ham) }
        try await database.trainClassifier(counts, examples: lessons, now: Date())
    }

    @Test func aModelThatLearntAFifthMoreGetsANewCutoffForTheSameRate() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let database = temporary.database
        let lessons = Self.lessons()
        try await Self.train(database, lessons)
        // Chosen when the model knew 10 comments; it now knows 40.
        let old = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 99, targetFalsePositiveRate: 0.05, documentsAtChoice: 10)
        try await database.setClassifierChoice(old, now: Date())

        let holder = ClassifierHolder(database: database)
        await holder.refresh(alpha: 0.5)

        let expected = try #require(ClassifierCutoffChooser(kind: .nbLogistic, alpha: 0.5).choose(lessons, target: 0.05))
        let stored = try await database.classifierChoice()
        #expect(stored.kind == .nbLogistic)
        #expect(stored.targetFalsePositiveRate == 0.05)
        #expect(stored.documentsAtChoice == 40)
        #expect(stored.cutoffLogOdds == expected.cutoff)
        #expect(stored.cutoffLogOdds != 99)

        // The new choice bumped the generation: the next reload judges with it.
        await holder.refresh(alpha: 0.5)
        #expect(holder.current(alpha: 0.5)?.choice.cutoffLogOdds == expected.cutoff)
    }

    @Test func aModelThatLearntLittleKeepsItsCutoff() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let database = temporary.database
        try await Self.train(database, Self.lessons())
        let chosen = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 99, targetFalsePositiveRate: 0.05, documentsAtChoice: 30)
        try await database.setClassifierChoice(chosen, now: Date())
        let generation = try await database.classifierGeneration()

        await ClassifierHolder(database: database).refresh(alpha: 0.5)

        #expect(try await database.classifierChoice() == chosen)
        #expect(try await database.classifierGeneration() == generation)
    }

    @Test func aCutoffSetWithoutATargetIsNeverChosenAgain() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let database = temporary.database
        try await Self.train(database, Self.lessons())
        let chosen = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 99, targetFalsePositiveRate: nil, documentsAtChoice: 1)
        try await database.setClassifierChoice(chosen, now: Date())

        await ClassifierHolder(database: database).refresh(alpha: 0.5)

        #expect(try await database.classifierChoice() == chosen)
    }
}

extension ClassifierCutoffRefreshTests {
    /// The server draws the new cut-off on what the rule compares with it: log odds +
    /// classifier.policy_weight × each lesson's stored content score.
    @Test func theNewCutoffIsDrawnOnTheSumWithThePolicyWeight() async throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let database = temporary.database
        // Every lesson carries a content score, spam a higher one.
        let lessons = Self.lessons().map { ClassifierTrainingExample(features: $0.features, spam: $0.spam, contentScore: $0.spam ? 8 : 3) }
        try await Self.train(database, lessons)
        try await database.setClassifierChoice(
            ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 99, targetFalsePositiveRate: 0.05, documentsAtChoice: 10), now: Date())

        await ClassifierHolder(database: database).refresh(alpha: 0.5, policyWeight: 1)

        let combined = try #require(ClassifierCutoffChooser(kind: .nbLogistic, alpha: 0.5, policyWeight: 1).choose(lessons, target: 0.05))
        let alone = try #require(ClassifierCutoffChooser(kind: .nbLogistic, alpha: 0.5).choose(lessons, target: 0.05))
        // The cut-off is a held-out ham's score: every ham's sum is its log odds + 1 × 3.
        #expect(abs(combined.cutoff - (alone.cutoff + 3)) < 1e-9)
        #expect(combined.recall >= alone.recall)
        #expect(try await database.classifierChoice().cutoffLogOdds == combined.cutoff)
    }
}
