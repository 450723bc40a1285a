/// Chooses a cut-off from a target false-positive rate: every stored example is scored by a model
/// (of the chosen kind) trained on the other folds, plus `policyWeight` times its content score,
/// the log odds weighed by how much of the lesson that model knows (`ClassifierScore`, what the
/// rule compares with the cut-off), and the cut-off is the strictest
/// one that calls at most that share of the held-out ham spam (`OperatingPoint`). The folds come
/// from a seeded shuffle, so the same examples give the same cut-off.
public struct ClassifierCutoffChooser: Sendable {
    public var kind: ClassifierKind
    public var folds: Int
    public var alpha: Double
    public var seed: UInt64
    /// The policy's `classifier.policy_weight`: 0 chooses on the model's log odds alone.
    public var policyWeight: Double
    /// The policy's `classifier.familiarity`: each held-out lesson's log odds count in proportion
    /// to how much of it the fold's model knows, as on the submit path. 0: always fully.
    public var familiarity: Double

    public init(kind: ClassifierKind, folds: Int = 5, alpha: Double = 0.5, seed: UInt64 = 2015, policyWeight: Double = 0,
                familiarity: Double = 0) {
        self.kind = kind
        self.folds = folds
        self.alpha = alpha
        self.seed = seed
        self.policyWeight = policyWeight
        self.familiarity = familiarity
    }

    /// The chooser for what a policy's classifier compares with the cut-off.
    public init(kind: ClassifierKind, settings: ClassifierSettings) {
        self.init(kind: kind, alpha: settings.alpha, policyWeight: settings.policyWeight, familiarity: settings.familiarity)
    }

    /// The operating point at `target` on held-out folds, or nil when a class has fewer examples
    /// than folds (no honest cut-off can be drawn from so few).
    public func choose(_ examples: [ClassifierTrainingExample], target: Double) -> OperatingPoint? {
        let spamCount = examples.count { $0.spam }
        guard spamCount >= folds, examples.count - spamCount >= folds else { return nil }
        var order = Array(examples.indices)
        var generator = SplitMix64(seed: seed)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        var fold = [Int](repeating: 0, count: examples.count)
        for (position, index) in order.enumerated() { fold[index] = position % folds }
        var scores = [Double](repeating: 0, count: examples.count)
        for held in 0..<folds {
            let training = examples.indices.filter { fold[$0] != held }.map { (features: examples[$0].features, spam: examples[$0].spam) }
            let tested = examples.indices.filter { fold[$0] == held }
            let held = kind.opinions(training: training, test: tested.map { examples[$0].features }, alpha: alpha)
            for (position, index) in tested.enumerated() {
                scores[index] = ClassifierScore.combined(logOdds: held.logOdds[position], contentScore: examples[index].contentScore ?? 0,
                                                         policyWeight: policyWeight, familiarity: held.familiarity[position],
                                                         fullTrustFamiliarity: familiarity)
            }
        }
        return OperatingPoint.at(falsePositiveRate: target, scores: scores, spam: examples.map(\.spam))
    }
}
