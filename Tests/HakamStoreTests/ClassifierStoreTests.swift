import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("classifier counts follow moderators' decisions")
struct ClassifierStoreTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    /// Every row of the count tables, for before/after comparisons.
    struct Tables: Equatable {
        var features: [[Int64]]
        var state: [Int64]
    }

    func tables() async throws -> Tables {
        try await f.database.writer.read { db in
            let features = try Row.fetchAll(db, sql: "SELECT feature, spam, ham FROM classifier_features ORDER BY feature")
                .map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] }
            let state = try Row.fetchOne(db, sql: "SELECT spam_documents, ham_documents, spam_features, ham_features FROM classifier_state")!
            return Tables(features: features, state: (0..<4).map { state[$0] as Int64 })
        }
    }

    @Test func spamAndApproveTeachAndUndoReversesExactly() async throws {
        let spam = try await f.add("subscribe to my channel http://bit.ly/x", name: "Promo Bot 7")
        let ham = try await f.add("تحليل ممتاز للأزمة الاقتصادية", email: "b@example.com", name: "Mona")
        let empty = try await tables()
        #expect(empty.features.isEmpty)

        _ = try await f.database.decide(commentID: spam, action: .spam, actor: "mona", note: nil, now: f.at(minutes: 1))
        let afterSpam = try await tables()
        #expect(afterSpam.state[0] == 1 && afterSpam.state[1] == 0)
        #expect(!afterSpam.features.isEmpty)
        #expect(afterSpam.features.allSatisfy { $0[1] == 1 && $0[2] == 0 })

        _ = try await f.database.decide(commentID: ham, action: .approve, actor: "mona", note: nil, now: f.at(minutes: 2))
        let afterBoth = try await tables()
        #expect(afterBoth.state[0] == 1 && afterBoth.state[1] == 1)

        _ = try await f.database.undo(commentID: ham, actor: "mona", note: nil, now: f.at(minutes: 3))
        #expect(try await tables() == afterSpam)
        _ = try await f.database.undo(commentID: spam, actor: "mona", note: nil, now: f.at(minutes: 4))
        #expect(try await tables() == empty)
    }

    @Test func aChangeOfMindMovesTheExampleAndItsUndoMovesItBack() async throws {
        let id = try await f.add("free gift cards for everyone")
        _ = try await f.database.decide(commentID: id, action: .spam, actor: "a", note: nil, now: f.at(minutes: 1))
        let asSpam = try await tables()
        _ = try await f.database.decide(commentID: id, action: .approve, actor: "a", note: nil, now: f.at(minutes: 2))
        let asHam = try await tables()
        #expect(asHam.state[0] == 0 && asHam.state[1] == 1)
        #expect(asHam.features.allSatisfy { $0[1] == 0 && $0[2] == 1 })
        #expect(asHam.features.map { $0[0] } == asSpam.features.map { $0[0] })
        _ = try await f.database.undo(commentID: id, actor: "a", note: nil, now: f.at(minutes: 3))
        #expect(try await tables() == asSpam)
        // Trash and hold teach nothing.
        _ = try await f.database.decide(commentID: id, action: .trash, actor: "a", note: nil, now: f.at(minutes: 4))
        #expect(try await tables().features.isEmpty)
    }

    @Test func theCountsPersistAcrossReopeningAndMatchTheInMemoryModel() async throws {
        let texts = ClassifierExamples.spam.map { ($0, ModerationAction.spam) } + ClassifierExamples.ham.map { ($0, ModerationAction.approve) }
        var expected = ClassifierCounts()
        for (index, (text, action)) in texts.enumerated() {
            let id = try await f.add(text, email: "u\(index)@example.com", name: "Reader")
            _ = try await f.database.decide(commentID: id, action: action, actor: "a", note: nil, now: f.at(minutes: Double(index)))
            let input = ClassifierInput(name: "Reader", url: "https://example.com/Reader", body: text)
            expected.apply(FeatureExtractor().features(of: input), label: action == .spam ? .spam : .ham)
        }
        let reopened = try AppDatabase(path: f.database.path)
        let (counts, generation) = try await reopened.classifierCounts()
        #expect(counts == expected)
        #expect(generation == Int64(texts.count))
        let snapshot = ClassifierSnapshot(counts: counts, alpha: 0.5, generation: generation)
        #expect(snapshot.classify(ClassifierInput(body: "subscribe to my channel for free money")).spamProbability > 0.9)
        #expect(snapshot.classify(ClassifierInput(body: "شكرا على التحليل الممتاز")).spamProbability < 0.1)
    }

    @Test func aLessonKeepsItsWordListFeaturesAndUndoRemovesExactlyThem() async throws {
        let lists = [WordListSettings(name: "abuse-ar-insult", file: "insult.txt", action: .hold, weight: 5, fields: [.name, .body],
                                      patterns: [WordPattern(text: "حقير", listID: 0)])]
        var withLists = f.database
        withLists.classifierFeatures = FeatureExtractor(lexicon: lists)
        let id = try await f.add("انت حقير وكذاب", name: "Reader")
        _ = try await withLists.decide(commentID: id, action: .spam, actor: "a", note: nil, now: f.at(minutes: 1))

        let input = ClassifierInput(name: "Reader", url: "https://example.com/Reader", body: "انت حقير وكذاب")
        let expected = FeatureExtractor(lexicon: lists).features(of: input)
        let plain = FeatureExtractor().features(of: input)
        #expect(expected.count == plain.count + 2)  // lexicon:abuse-ar-insult, lexicon:any
        let lessons = try await f.database.classifierTrainingExamples()
        #expect(lessons.map(\.features) == [expected])
        #expect(lessons.map(\.spam) == [true])
        let taught = try await tables()
        #expect(Set(taught.features.map { UInt64(bitPattern: $0[0]) }) == Set(expected))

        // The store reopened without the lists (a policy without them): the lesson keeps its
        // features, so a change of mind and undo move exactly what was taught.
        _ = try await f.database.decide(commentID: id, action: .approve, actor: "a", note: nil, now: f.at(minutes: 2))
        #expect(try await f.database.classifierTrainingExamples().map(\.features) == [expected])
        _ = try await f.database.undo(commentID: id, actor: "a", note: nil, now: f.at(minutes: 3))
        #expect(try await tables() == taught)
        _ = try await f.database.undo(commentID: id, actor: "a", note: nil, now: f.at(minutes: 4))
        #expect(try await tables().features.isEmpty)
    }

    @Test func seedingAddsToTheCountsAndBumpsTheGeneration() async throws {
        var seed = ClassifierCounts()
        seed.apply([1, 2, 3], label: .spam)
        seed.apply([3, 4], label: .ham)
        try await f.database.trainClassifier(seed, now: f.start)
        try await f.database.trainClassifier(seed, now: f.start)
        let (counts, generation) = try await f.database.classifierCounts()
        #expect(counts.documents == .init(spam: 2, ham: 2))
        #expect(counts.features[3] == .init(spam: 2, ham: 2))
        #expect(counts.featureTotals == .init(spam: 6, ham: 4))
        #expect(generation == 2)
        let stats = try await f.database.classifierStats()
        #expect(stats.features == 4 && stats.fromModerators == .init())
    }
}

enum ClassifierExamples {
    static let spam = ["subscribe to my channel http://cash.example", "free money, subscribe now", "my channel has free gift cards", "اربح المال اشترك في قناتي"]
    static let ham = ["thank you for the analysis", "شكرا على التحليل الممتاز", "I disagree with the author", "مقال رائع عن الاقتصاد"]
}
