import Foundation

/// k-fold cross-validation of the naive Bayes classifier: every example is classified once by a
/// model trained on the other folds. Folds come from a seeded shuffle, so runs repeat exactly.
public struct CrossValidation: Sendable {
    public var folds: Int
    public var alpha: Double
    public var spamProbability: Double
    public var extractor: FeatureExtractor
    public var seed: UInt64
    public var kind: ClassifierKind = .naiveBayes

    public init(folds: Int = 5, alpha: Double = 0.5, spamProbability: Double = 0.999,
                extractor: FeatureExtractor = FeatureExtractor(), seed: UInt64 = 2015) {
        self.folds = folds
        self.alpha = alpha
        self.spamProbability = spamProbability
        self.extractor = extractor
        self.seed = seed
    }

    /// The summed confusion matrix over all folds (`folds` < 2: train and test on everything).
    public func run(_ examples: [LabelledExample]) -> ConfusionMatrix {
        Self.matrix(examples, probabilities: probabilities(examples), spamProbability: spamProbability)
    }

    /// Each example's spam probability from the model that did not see it.
    public func probabilities(_ examples: [LabelledExample]) -> [Double] {
        guard kind == .naiveBayes else {
            return logOdds(examples).map { 1 / (1 + exp(-min(max($0, -700), 700))) }
        }
        let features = examples.map { extractor.features(of: $0.input) }
        let fold = foldAssignment(count: examples.count)
        var probabilities = [Double](repeating: 0, count: examples.count)
        let k = max(1, folds)
        for held in 0..<k {
            var counts = ClassifierCounts()
            for index in examples.indices where k == 1 || fold[index] != held {
                counts.apply(features[index], label: examples[index].label)
            }
            let model = NaiveBayesModel(counts: counts, alpha: alpha)
            for index in examples.indices where k == 1 || fold[index] == held {
                probabilities[index] = model.classify(features[index]).spamProbability
            }
        }
        return probabilities
    }

    /// Each example's log odds of spam from the model (of `kind`) that did not see it.
    public func logOdds(_ examples: [LabelledExample]) -> [Double] {
        opinions(examples).logOdds
    }

    /// Each example's log odds of spam, and how much of it was known (`ClassifierFamiliarity`),
    /// from the model (of `kind`) that did not see it.
    public func opinions(_ examples: [LabelledExample]) -> (logOdds: [Double], familiarity: [Double]) {
        let features = examples.map { extractor.features(of: $0.input) }
        let fold = foldAssignment(count: examples.count)
        var scores = [Double](repeating: 0, count: examples.count)
        var familiarity = [Double](repeating: 1, count: examples.count)
        let k = max(1, folds)
        for held in 0..<k {
            let training = examples.indices.filter { k == 1 || fold[$0] != held }
                .map { (features: features[$0], spam: examples[$0].label == .spam) }
            let tested = examples.indices.filter { k == 1 || fold[$0] == held }
            let heldOpinions = kind.opinions(training: training, test: tested.map { features[$0] }, alpha: alpha)
            for (position, index) in tested.enumerated() {
                scores[index] = heldOpinions.logOdds[position]
                familiarity[index] = heldOpinions.familiarity[position]
            }
        }
        return (scores, familiarity)
    }

    public static func matrix(_ examples: [LabelledExample], probabilities: [Double], spamProbability: Double) -> ConfusionMatrix {
        var matrix = ConfusionMatrix()
        for (example, probability) in zip(examples, probabilities) {
            matrix.record(actualSpam: example.label == .spam, predictedSpam: probability >= spamProbability)
        }
        return matrix
    }

    func foldAssignment(count: Int) -> [Int] {
        var order = Array(0..<count)
        var generator = SplitMix64(seed: seed)
        // Fisher–Yates with a seeded generator: the same folds on every platform.
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        var fold = [Int](repeating: 0, count: count)
        for (position, index) in order.enumerated() { fold[index] = position % max(1, folds) }
        return fold
    }
}
