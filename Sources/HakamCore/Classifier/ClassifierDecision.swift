import Foundation

/// What the classifier made of one comment on the submit path: the model's log odds, the
/// content score the policy's other rules gave the comment, the combined score
/// (`ClassifierScore`) and the line it was compared with. `hakam policy test` shows it whole.
public struct ClassifierDecision: Sendable, Equatable {
    public let logOdds: Double
    public let spamProbability: Double
    public let contentScore: Double
    public let policyWeight: Double
    public let combinedScore: Double
    /// The stored cut-off (spam strictly above it); nil: the policy's `spam_probability` applied
    /// to the combined score read as log odds.
    public let cutoffLogOdds: Double?
    public let isSpam: Bool

    public init(logOdds: Double, contentScore: Double, policyWeight: Double, choice: ClassifierChoice, policyProbability: Double) {
        self.logOdds = logOdds
        self.spamProbability = 1 / (1 + exp(-min(max(logOdds, -700), 700)))
        self.contentScore = contentScore
        self.policyWeight = policyWeight
        self.combinedScore = ClassifierScore.combined(logOdds: logOdds, contentScore: contentScore, policyWeight: policyWeight)
        self.cutoffLogOdds = choice.cutoffLogOdds
        self.isSpam = spamProbability.isFinite && choice.isSpam(logOdds: combinedScore, policyProbability: policyProbability)
    }

    /// "log odds 1.20 + 0.5 × content score 4 = 3.20 > cut-off 2.10": why the rule spoke (or not).
    public var explanation: String {
        var text = String(format: "log odds %.2f", logOdds)
        if policyWeight != 0 && contentScore != 0 {
            text += " + " + Self.number(policyWeight) + " × content score " + Self.number(contentScore) + String(format: " = %.2f", combinedScore)
        }
        if let cutoffLogOdds {
            text += (isSpam ? " > " : " ≤ ") + String(format: "cut-off %.2f", cutoffLogOdds)
        }
        return text
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%g", value)
    }
}
