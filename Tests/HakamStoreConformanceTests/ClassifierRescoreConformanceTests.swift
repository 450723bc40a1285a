import Foundation
import HakamCore
import HakamStore
import Testing

/// `rescoreClassifierLessons`: after the policy changes, a moderated lesson whose comment still
/// holds its text takes the new policy's content score; a forgotten comment's lesson and the
/// seeds keep theirs.
@Suite(.serialized) struct ClassifierRescoreConformanceTests {
    /// The shipped defaults (A), and the same with a word list that matches "pills" (B).
    static let scorerA = LessonContentScorer(judge: Judge(policy: Policy()))
    static let scorerB: LessonContentScorer = {
        var policy = Policy()
        policy.wordLists = [WordListSettings(name: "rescore-test", file: "words/rescore.txt", action: nil, weight: 7,
                                             patterns: [WordPattern(text: "pills", listID: 0)])]
        return LessonContentScorer(judge: Judge(policy: policy))
    }()

    func scores(_ store: any CommentStore) async throws -> [Int64: Double?] {
        var scores: [Int64: Double?] = [:]
        for lesson in try await store.classifierTrainingExamples() { if let id = lesson.commentID { scores[id] = lesson.contentScore } }
        return scores
    }

    @Test(arguments: StoreBackend.available)
    func aPolicyChangeRescoresLessonsThatStillHoldTheirText(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let seeds = [ClassifierTrainingExample(features: [1, 5], spam: true, contentScore: 3.5),
                         ClassifierTrainingExample(features: [2, 5], spam: false)]
            var counts = ClassifierCounts()
            for seed in seeds { counts.apply(seed.features, label: seed.spam ? .spam : .ham) }
            try await f.store.trainClassifier(counts, examples: seeds, now: f.start)

            var teaching = f.store
            teaching.classifierContentScorer = Self.scorerA
            let spam = try await f.add("buy cheap pills now", email: "spam@example.com", name: "Seller")
            let forgotten = try await f.add("my doctor says pills help", email: "gone@example.com", name: "Gone")
            let unscored = try await f.add("pills, pills everywhere", email: "old@example.com", name: "Old")
            let pending = try await f.add("pills in a pending comment", email: "wait@example.com", name: "Wait")
            _ = try await teaching.decide(commentID: spam, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.start)
            _ = try await teaching.decide(commentID: forgotten, action: .approve, actor: "mod", note: nil, expecting: nil, now: f.start)
            // Taught without a scorer: stored before scores were kept.
            _ = try await f.store.decide(commentID: unscored, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.start)
            #expect(try await f.store.forget(emailHash: try f.emailHash("gone@example.com"), actor: "mod", note: nil, now: f.at(minutes: 1)) == 1)

            let before = try await scores(f.store)
            #expect(before.count == 3 && before[pending] == nil)
            let spamA = try #require(before[spam] ?? nil)
            let forgottenA = try #require(before[forgotten] ?? nil)
            #expect(before[unscored] == .some(nil))
            let spamRecord = try #require(try await f.store.comment(id: spam))
            let spamB = Self.scorerB.score(ClassifierInput(name: spamRecord.name, url: spamRecord.url, body: spamRecord.body))
            #expect(spamB >= spamA + 7 - 1e-9)

            // A dry run tells what would change and changes nothing.
            let dry = try await f.store.rescoreClassifierLessons(with: Self.scorerB, dryRun: true, batchSize: 1)
            #expect(dry.rescored == 2 && dry.changed == 2 && dry.filledIn == 1)
            #expect(dry.keptWithoutText == 1 && dry.seedsKept == 2 && dry.stillWithoutScore == 1)
            #expect(dry.newScores[spam] == spamB && dry.newScores[forgotten] == nil)
            #expect(try await scores(f.store) == before)

            let generation = try await f.store.classifierGeneration()
            let outcome = try await f.store.rescoreClassifierLessons(with: Self.scorerB, dryRun: false, batchSize: 1)
            #expect(outcome == dry)
            let after = try await scores(f.store)
            #expect(after[spam] == .some(spamB))
            #expect(after[forgotten] == .some(forgottenA))
            let unscoredRecord = try #require(try await f.store.comment(id: unscored))
            #expect(after[unscored] == .some(Self.scorerB.score(ClassifierInput(name: unscoredRecord.name, url: unscoredRecord.url, body: unscoredRecord.body))))
            #expect(try await f.store.classifierTrainingExamples().prefix(2) == seeds[...])
            #expect(try await f.store.classifierScoreCensus() == ClassifierScoreCensus(moderated: 3, moderatedWithoutScore: 0, seeds: 2, seedsWithoutScore: 1))
            // The model's counts are the same: servers need not reload them.
            #expect(try await f.store.classifierGeneration() == generation)

            // Under the same policy again, nothing moves.
            let again = try await f.store.rescoreClassifierLessons(with: Self.scorerB, dryRun: false)
            #expect(again.rescored == 2 && again.changed == 0 && again.newScores.isEmpty)
        }
    }
}
