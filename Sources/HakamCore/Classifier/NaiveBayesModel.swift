import Foundation

/// A multinomial naive Bayes model over feature presence, frozen from `ClassifierCounts` with
/// every feature's log-likelihood ratio precomputed: classifying a comment is one hash lookup
/// per feature and a sum. Lidstone smoothing (`alpha`) keeps rare features from dominating.
///
/// Features never seen in training are ignored (they carry no evidence either way).
public struct NaiveBayesModel: Sendable {
    public let alpha: Double
    public let documents: ClassifierCounts.Pair
    public let vocabularySize: Int
    /// log P(feature | spam) - log P(feature | ham).
    let weights: [UInt64: Float]
    /// log P(spam) - log P(ham) from the example counts.
    let priorLogOdds: Double

    public init(counts: ClassifierCounts, alpha: Double = 0.5, classPrior: Bool = true) {
        self.alpha = alpha
        self.documents = counts.documents
        self.vocabularySize = counts.features.count
        let v = Double(counts.features.count)
        let spamDenominator = log(Double(counts.featureTotals.spam) + alpha * v)
        let hamDenominator = log(Double(counts.featureTotals.ham) + alpha * v)
        var weights: [UInt64: Float] = [:]
        weights.reserveCapacity(counts.features.count)
        for (hash, pair) in counts.features {
            let spam = log(Double(pair.spam) + alpha) - spamDenominator
            let ham = log(Double(pair.ham) + alpha) - hamDenominator
            weights[hash] = Float(spam - ham)
        }
        self.weights = weights
        let s = Double(counts.documents.spam), h = Double(counts.documents.ham)
        self.priorLogOdds = classPrior && s > 0 && h > 0 ? log(s / h) : 0
    }

    /// True when both classes have at least `minimum` examples: below that, no opinion.
    public func isReady(minimumPerClass minimum: Int) -> Bool {
        documents.spam >= max(1, minimum) && documents.ham >= max(1, minimum)
    }

    /// The spam probability of a comment with these (unique) features, and the features that
    /// pushed it most towards spam (positive weights, largest first).
    public func classify(_ features: [UInt64], explain: Int = 0) -> ClassifierOpinion {
        var logOdds = priorLogOdds
        var drivers: [(UInt64, Float)] = []
        for hash in features {
            guard let weight = weights[hash] else { continue }
            logOdds += Double(weight)
            if explain > 0, weight > 0 { drivers.append((hash, weight)) }
        }
        if explain > 0 {
            drivers.sort { $0.1 > $1.1 }
            if drivers.count > explain { drivers.removeLast(drivers.count - explain) }
        }
        return ClassifierOpinion(logOdds: logOdds, drivers: drivers.map { .init(feature: $0.0, weight: Double($0.1)) })
    }
}

/// What the model thinks of one comment.
public struct ClassifierOpinion: Sendable {
    public struct Driver: Sendable, Equatable {
        public let feature: UInt64
        public let weight: Double
    }
    public let logOdds: Double
    public let drivers: [Driver]
    /// How much of the comment the model knows (`ClassifierFamiliarity`); 1 when not measured.
    public var familiarity: Double = 1

    /// P(spam), from the log odds (naive Bayes is over-confident: read it as a ranking).
    public var spamProbability: Double {
        let clamped = min(max(logOdds, -700), 700)
        return 1 / (1 + exp(-clamped))
    }
}
