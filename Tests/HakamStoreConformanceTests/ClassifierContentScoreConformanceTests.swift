import Foundation
import HakamCore
import HakamStore
import Testing

/// Every lesson keeps the content score the policy gave it (the cut-off is chosen on log odds +
/// classifier.policy_weight × that score): seeds as `hakam train` gave it, a moderated comment
/// as the store's scorer gives it on the first lesson.
@Suite(.serialized) struct ClassifierContentScoreConformanceTests {
    @Test(arguments: StoreBackend.available)
    func lessonsKeepTheirContentScore(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let seeds = [ClassifierTrainingExample(features: [1, 5], spam: true, contentScore: 3.5),
                         ClassifierTrainingExample(features: [2, 5], spam: false),
                         ClassifierTrainingExample(features: [3], spam: false, contentScore: 0)]
            var counts = ClassifierCounts()
            for seed in seeds { counts.apply(seed.features, label: seed.spam ? .spam : .ham) }
            try await f.store.trainClassifier(counts, examples: seeds, now: f.start)
            #expect(try await f.store.classifierTrainingExamples() == seeds)

            var scoring = f.store
            let scorer = LessonContentScorer(judge: Judge(policy: Policy()))
            scoring.classifierContentScorer = scorer
            let g = StoreFixture(store: scoring)
            // The conventional spam test name: the test-values rule scores it.
            let id = try await g.add("buy cheap pills now", name: "viagra-test-123")
            _ = try await scoring.decide(commentID: id, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.start)
            let record = try #require(try await scoring.comment(id: id))
            let expected = scorer.score(ClassifierInput(name: record.name, url: record.url, body: record.body))
            #expect(expected >= 20)
            let lessons = try await scoring.classifierTrainingExamples()
            #expect(lessons.count == 4)
            #expect(lessons[3].spam && lessons[3].contentScore == expected)

            // Without a scorer a moderated lesson keeps none (the chooser counts it as 0).
            let other = try await f.add("another plain comment", name: "Sam")
            _ = try await f.store.decide(commentID: other, action: .approve, actor: "mod", note: nil, expecting: nil, now: f.start)
            let all = try await f.store.classifierTrainingExamples()
            #expect(all.count == 5)
            #expect(all.last.map { !$0.spam && $0.contentScore == nil } == true)
        }
    }
}
