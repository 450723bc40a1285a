/// A trained model as the submit path uses it: frozen, shared, replaced whole when moderators
/// teach it something new (`generation` says which state of the counts it was built from).
public struct ClassifierSnapshot: Sendable {
    public let model: NaiveBayesModel
    public let extractor: FeatureExtractor
    public let generation: Int64

    public init(counts: ClassifierCounts, alpha: Double, generation: Int64 = 0, extractor: FeatureExtractor = FeatureExtractor()) {
        self.model = NaiveBayesModel(counts: counts, alpha: alpha)
        self.extractor = extractor
        self.generation = generation
    }

    /// The opinion on one comment, with up to `explain` driving features.
    public func classify(_ input: ClassifierInput, explain: Int = 0) -> ClassifierOpinion {
        model.classify(extractor.features(of: input), explain: explain)
    }
}
