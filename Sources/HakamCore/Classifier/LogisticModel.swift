import Foundation

/// Logistic regression over hashed features (the same `FeatureExtractor` features as naive
/// Bayes, folded into 2^bits weights), trained by stochastic gradient descent with per-weight
/// AdaGrad steps and balanced classes.
///
/// Naive Bayes counts each feature's evidence on its own, so overlapping features (a word, its
/// bigrams and its character n-grams) are counted several times and the probability is
/// over-confident. A discriminative model learns how much each one adds given the others, which
/// ranks better when the test text differs from the training text (another dialect, another
/// site).
public struct LogisticModel: Sendable {
    public let bits: Int
    private let mask: UInt64
    private var weights: [Float]
    private var squaredGradients: [Float]
    private var bias: Double = 0
    private var biasSquaredGradient: Double = 0
    /// NB-LR (Wang & Manning 2012): each present feature's value is its naive Bayes log-count
    /// ratio instead of 1, so the regression starts from what each feature says alone and learns
    /// how much to trust it given the others; features naive Bayes never saw count 0.
    let scales: [UInt64: Float]?

    public init(bits: Int = 20, scales: [UInt64: Float]? = nil) {
        self.scales = scales
        self.bits = bits
        self.mask = (1 << UInt64(bits)) - 1
        self.weights = [Float](repeating: 0, count: 1 << bits)
        self.squaredGradients = [Float](repeating: 0, count: 1 << bits)
    }

    /// Log odds of spam for a comment's (unique) features.
    public func logOdds(_ features: [UInt64]) -> Double {
        guard !features.isEmpty else { return bias }
        let value = 1 / Double(features.count).squareRoot()
        var sum = 0.0
        for hash in features { sum += Double(weights[Int(hash & mask)]) * scale(hash) }
        return bias + sum * value
    }

    @inline(__always)
    private func scale(_ hash: UInt64) -> Double {
        guard let scales else { return 1 }
        return Double(scales[hash] ?? 0)
    }

    /// The log odds of a comment and the features that pushed it most towards spam (largest
    /// positive contribution first), like `NaiveBayesModel.classify`.
    public func classify(_ features: [UInt64], explain: Int = 0) -> ClassifierOpinion {
        let logOdds = logOdds(features)
        guard explain > 0, !features.isEmpty else { return ClassifierOpinion(logOdds: logOdds, drivers: []) }
        let value = 1 / Double(features.count).squareRoot()
        var drivers: [ClassifierOpinion.Driver] = []
        for hash in features {
            let weight = Double(weights[Int(hash & mask)]) * scale(hash) * value
            if weight > 0 { drivers.append(.init(feature: hash, weight: weight)) }
        }
        drivers.sort { $0.weight > $1.weight }
        return ClassifierOpinion(logOdds: logOdds, drivers: Array(drivers.prefix(explain)))
    }

    /// Trains on examples (features, spam?) for `epochs` passes in a seeded random order.
    public mutating func train(_ examples: [(features: [UInt64], spam: Bool)], epochs: Int = 6,
                               learningRate: Double = 0.5, l2: Double = 1e-6, seed: UInt64 = 2015) {
        let spamCount = examples.count { $0.spam }
        let hamCount = examples.count - spamCount
        guard spamCount > 0, hamCount > 0 else { return }
        // Balanced classes: each class weighs as much in total, whatever its share of the examples.
        let spamWeight = Double(examples.count) / (2 * Double(spamCount))
        let hamWeight = Double(examples.count) / (2 * Double(hamCount))
        var order = Array(examples.indices)
        var generator = SplitMix64(seed: seed)
        for _ in 0..<max(1, epochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            }
            for index in order {
                let example = examples[index]
                let z = min(max(logOdds(example.features), -30), 30)
                let p = 1 / (1 + exp(-z))
                let gradient = (p - (example.spam ? 1 : 0)) * (example.spam ? spamWeight : hamWeight)
                let value = example.features.isEmpty ? 0 : 1 / Double(example.features.count).squareRoot()
                for hash in example.features {
                    let x = scale(hash)
                    guard x != 0 else { continue }
                    let slot = Int(hash & mask)
                    let g = gradient * value * x + l2 * Double(weights[slot])
                    squaredGradients[slot] += Float(g * g)
                    weights[slot] -= Float(learningRate * g / (Double(squaredGradients[slot]).squareRoot() + 1e-8))
                }
                biasSquaredGradient += gradient * gradient
                bias -= learningRate * gradient / (biasSquaredGradient.squareRoot() + 1e-8)
            }
        }
    }
}
