/// Which learning algorithm an evaluation uses.
public enum ClassifierKind: String, Sendable, CaseIterable {
    case naiveBayes = "naive-bayes"
    case logistic
    /// Logistic regression over naive Bayes log-count ratios (NB-LR).
    case nbLogistic = "nb-logistic"

    /// A discriminative model (`.logistic` or `.nbLogistic`) trained on `training`.
    public func train(_ training: [(features: [UInt64], spam: Bool)], alpha: Double) -> LogisticModel {
        var scales: [UInt64: Float]?
        if self == .nbLogistic {
            var counts = ClassifierCounts()
            for example in training { counts.apply(example.features, label: example.spam ? .spam : .ham) }
            scales = NaiveBayesModel(counts: counts, alpha: alpha).weights
        }
        var model = LogisticModel(scales: scales)
        model.train(training)
        return model
    }

    /// Trains on `training` and returns each `test` comment's log odds of spam, with how much of
    /// it the trained model knows (`ClassifierFamiliarity`).
    public func opinions(training: [(features: [UInt64], spam: Bool)], test: [[UInt64]], alpha: Double)
        -> (logOdds: [Double], familiarity: [Double]) {
        let familiarity = ClassifierFamiliarity(training: training)
        return (scores(training: training, test: test, alpha: alpha), test.map(familiarity.share(of:)))
    }

    /// Trains on `training` and returns each `test` comment's score (log odds of spam).
    public func scores(training: [(features: [UInt64], spam: Bool)], test: [[UInt64]], alpha: Double) -> [Double] {
        switch self {
        case .naiveBayes:
            var counts = ClassifierCounts()
            for example in training { counts.apply(example.features, label: example.spam ? .spam : .ham) }
            let model = NaiveBayesModel(counts: counts, alpha: alpha)
            return test.map { model.classify($0).logOdds }
        case .logistic, .nbLogistic:
            let model = train(training, alpha: alpha)
            return test.map(model.logOdds)
        }
    }
}
