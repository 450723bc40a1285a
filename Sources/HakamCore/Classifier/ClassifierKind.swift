/// Which learning algorithm an evaluation uses.
public enum ClassifierKind: String, Sendable, CaseIterable {
    case naiveBayes = "naive-bayes"
    case logistic
    /// Logistic regression over naive Bayes log-count ratios (NB-LR).
    case nbLogistic = "nb-logistic"

    /// A discriminative model (`.logistic` or `.nbLogistic`) trained on `training`.
    public func train(_ training: [(features: [UInt64], spam: Bool)], alpha: Double) -> LogisticModel {
        train(training, counts: self == .nbLogistic ? Self.counts(training) : nil, alpha: alpha)
    }

    /// Trains on `training` and returns each `test` comment's log odds of spam, with how much of
    /// it the trained model knows (`ClassifierFamiliarity`, from the same counts).
    public func opinions(training: [(features: [UInt64], spam: Bool)], test: [[UInt64]], alpha: Double)
        -> (logOdds: [Double], familiarity: [Double]) {
        let counts = Self.counts(training)
        let familiarity = ClassifierFamiliarity(counts: counts)
        return (scores(training: training, counts: counts, test: test, alpha: alpha), test.map(familiarity.share(of:)))
    }

    /// Trains on `training` and returns each `test` comment's score (log odds of spam).
    public func scores(training: [(features: [UInt64], spam: Bool)], test: [[UInt64]], alpha: Double) -> [Double] {
        scores(training: training, counts: self == .logistic ? nil : Self.counts(training), test: test, alpha: alpha)
    }

    /// `counts`: those of `training`, built once by the caller (nil only for plain logistic regression).
    private func scores(training: [(features: [UInt64], spam: Bool)], counts: ClassifierCounts?, test: [[UInt64]], alpha: Double) -> [Double] {
        switch self {
        case .naiveBayes:
            let model = NaiveBayesModel(counts: counts ?? Self.counts(training), alpha: alpha)
            return test.map { model.classify($0).logOdds }
        case .logistic, .nbLogistic:
            let model = train(training, counts: counts, alpha: alpha)
            return test.map(model.logOdds)
        }
    }

    private func train(_ training: [(features: [UInt64], spam: Bool)], counts: ClassifierCounts?, alpha: Double) -> LogisticModel {
        var scales: [UInt64: Float]?
        if self == .nbLogistic {
            scales = NaiveBayesModel(counts: counts ?? Self.counts(training), alpha: alpha).weights
        }
        var model = LogisticModel(scales: scales)
        model.train(training)
        return model
    }

    private static func counts(_ training: [(features: [UInt64], spam: Bool)]) -> ClassifierCounts {
        var counts = ClassifierCounts()
        for example in training { counts.apply(example.features, label: example.spam ? .spam : .ham) }
        return counts
    }
}
