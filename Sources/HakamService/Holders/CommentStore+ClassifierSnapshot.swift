import HakamCore
import HakamStore

extension CommentStore {
    /// The site's model as the Judge uses it: the counts, the chosen model and cut-off, and, when
    /// the choice is logistic regression, that model trained on every stored lesson (seconds of
    /// CPU at tens of thousands of examples: the server does it in the background).
    public func loadClassifierSnapshot(alpha: Double) async throws -> ClassifierSnapshot {
        let choice = try await classifierChoice()
        let (counts, generation) = try await classifierCounts()
        let examples = choice.kind == .naiveBayes ? [] : try await classifierTrainingExamples()
        return ClassifierSnapshot.build(counts: counts, examples: examples, choice: choice, alpha: alpha, generation: generation,
                                        extractor: classifierFeatures)
    }
}
