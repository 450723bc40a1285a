/// The `classifier:` section of a policy: when the learned model may speak, and how loudly.
public struct ClassifierSettings: Sendable, Equatable {
    public var enabled: Bool
    /// No opinion until moderators marked at least this many comments spam and this many approved.
    public var minExamplesPerClass: Int
    /// `classifier.spam` is given at or above this spam probability.
    public var spamProbability: Double
    /// Added to the score with `classifier.spam`.
    public var weight: Double
    /// Optional floor on the verdict with `classifier.spam`.
    public var action: ModerationAction?
    /// Lidstone smoothing of the naive Bayes counts.
    public var alpha: Double
    /// W in `log odds + W × content score ≥ cut-off` (`ClassifierScore`): how much the other
    /// rules' score of the comment counts in the classifier's decision; 0: the model alone.
    public var policyWeight: Double

    public init(enabled: Bool = true, minExamplesPerClass: Int = 50, spamProbability: Double = 0.999,
                weight: Double = 5, action: ModerationAction? = .hold, alpha: Double = 0.5,
                policyWeight: Double = ClassifierSettings.defaultPolicyWeight) {
        self.enabled = enabled
        self.minExamplesPerClass = minExamplesPerClass
        self.spamProbability = spamProbability
        self.weight = weight
        self.action = action
        self.alpha = alpha
        self.policyWeight = policyWeight
    }

    /// Chosen on Arabic abuse sets, each weight judged on the sets it was not tested on
    /// (Benchmarks/RESULTS.md, "verdict-level combination").
    public static let defaultPolicyWeight = 0.5
}
