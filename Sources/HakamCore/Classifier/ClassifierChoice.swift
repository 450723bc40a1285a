import Foundation

/// Which model a site's classifier runs and where it draws the line, as `hakam train --model …
/// --target-fp …` chose it and the store keeps it beside the counts. The default (naive Bayes, no
/// cut-off) is what a site that never chose anything runs: the policy's `spam_probability` decides.
public struct ClassifierChoice: Sendable, Equatable {
    public var kind: ClassifierKind
    /// Spam when the log odds are strictly above this; nil: the policy's `spam_probability`.
    public var cutoffLogOdds: Double?
    /// The false-positive rate the cut-off was chosen for, on held-out folds of the stored examples.
    public var targetFalsePositiveRate: Double?
    /// How many comments the model had learnt (spam and ham documents) when the cut-off was
    /// chosen; the server chooses again once that number has moved enough
    /// (`ClassifierCutoffSchedule`). Nil: chosen by hand or before this was kept, never re-chosen.
    public var documentsAtChoice: Int?

    public init(kind: ClassifierKind = .naiveBayes, cutoffLogOdds: Double? = nil, targetFalsePositiveRate: Double? = nil,
                documentsAtChoice: Int? = nil) {
        self.kind = kind
        self.cutoffLogOdds = cutoffLogOdds
        self.targetFalsePositiveRate = targetFalsePositiveRate
        self.documentsAtChoice = documentsAtChoice
    }

    /// True when the log odds call the comment spam: above the stored cut-off, or at or above
    /// the policy's probability when there is none.
    public func isSpam(logOdds: Double, policyProbability: Double) -> Bool {
        if let cutoffLogOdds { return logOdds > cutoffLogOdds }
        let probability = 1 / (1 + exp(-min(max(logOdds, -700), 700)))
        return probability >= policyProbability
    }
}
