/// A trained model as the submit path uses it: frozen, shared, replaced whole when moderators
/// teach it something new (`generation` says which state of the counts it was built from).
///
/// The naive Bayes model from the counts is always built (it says how many examples of each
/// class the site has); when the site chose logistic regression (plain or NB-LR), `logistic` was trained on the
/// stored examples and gives the opinion instead. `choice` carries the stored cut-off.
public struct ClassifierSnapshot: Sendable {
    public let model: NaiveBayesModel
    public let logistic: LogisticModel?
    public let choice: ClassifierChoice
    public let extractor: FeatureExtractor
    public let generation: Int64
    /// Which features enough lessons had, from the same counts (both kinds learn the same lessons).
    public let familiarity: ClassifierFamiliarity

    public init(counts: ClassifierCounts, alpha: Double, generation: Int64 = 0, extractor: FeatureExtractor = FeatureExtractor(),
                choice: ClassifierChoice = ClassifierChoice(), logistic: LogisticModel? = nil) {
        self.model = NaiveBayesModel(counts: counts, alpha: alpha)
        self.familiarity = ClassifierFamiliarity(counts: counts)
        self.extractor = extractor
        self.generation = generation
        self.choice = choice
        self.logistic = logistic
    }

    /// Trains the chosen model: for logistic regression, on `examples` (the stored lessons).
    public static func build(counts: ClassifierCounts, examples: [ClassifierTrainingExample], choice: ClassifierChoice,
                             alpha: Double, generation: Int64, extractor: FeatureExtractor = FeatureExtractor()) -> ClassifierSnapshot {
        let logistic = choice.kind == .naiveBayes || examples.isEmpty ? nil
            : choice.kind.train(examples.map { (features: $0.features, spam: $0.spam) }, alpha: alpha)
        // No lessons to retrain from: naive Bayes speaks, and a cut-off chosen for the other
        // model's scale would mean nothing on its log odds.
        let effective = logistic == nil && choice.kind != .naiveBayes ? ClassifierChoice() : choice
        return ClassifierSnapshot(counts: counts, alpha: alpha, generation: generation, extractor: extractor, choice: effective, logistic: logistic)
    }

    /// The opinion on one comment's features, with up to `explain` driving features, and how much
    /// of it the model knows.
    public func classify(features: [UInt64], explain: Int = 0) -> ClassifierOpinion {
        var opinion = logistic?.classify(features, explain: explain) ?? model.classify(features, explain: explain)
        opinion.familiarity = familiarity.share(of: features)
        return opinion
    }

    /// The opinion on one comment, with up to `explain` driving features.
    public func classify(_ input: ClassifierInput, explain: Int = 0) -> ClassifierOpinion {
        classify(features: extractor.features(of: input), explain: explain)
    }
}
