/// Which learning algorithm an evaluation uses.
public enum ClassifierKind: String, Sendable, CaseIterable {
    case naiveBayes = "naive-bayes"
    case logistic

    /// Trains on `training` and returns each `test` comment's score (log odds of spam).
    public func scores(training: [(features: [UInt64], spam: Bool)], test: [[UInt64]], alpha: Double) -> [Double] {
        switch self {
        case .naiveBayes:
            var counts = ClassifierCounts()
            for example in training { counts.apply(example.features, label: example.spam ? .spam : .ham) }
            let model = NaiveBayesModel(counts: counts, alpha: alpha)
            return test.map { model.classify($0).logOdds }
        case .logistic:
            var model = LogisticModel()
            model.train(training)
            return test.map(model.logOdds)
        }
    }
}
