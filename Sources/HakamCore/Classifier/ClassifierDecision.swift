import Foundation

/// What the classifier made of one comment on the submit path: the model's log odds, the
/// content score the policy's other rules gave the comment, the combined score
/// (`ClassifierScore`) and the line it was compared with. `hakam policy test` shows it whole.
public struct ClassifierDecision: Sendable, Equatable {
    public let logOdds: Double
    public let spamProbability: Double
    public let contentScore: Double
    public let policyWeight: Double
    /// How much of the comment the model knows, and the factor that gave its log odds
    /// (`ClassifierScore.trust`): 1 when it knows enough.
    public let familiarity: Double
    public let trust: Double
    public let combinedScore: Double
    /// The stored cut-off (spam strictly above it); nil: the policy's `spam_probability` applied
    /// to the combined score read as log odds.
    public let cutoffLogOdds: Double?
    public let isSpam: Bool

    public init(logOdds: Double, contentScore: Double, policyWeight: Double, choice: ClassifierChoice, policyProbability: Double,
                familiarity: Double = 1, fullTrustFamiliarity: Double = 0) {
        self.logOdds = logOdds
        self.spamProbability = 1 / (1 + exp(-min(max(logOdds, -700), 700)))
        self.contentScore = contentScore
        self.policyWeight = policyWeight
        self.familiarity = familiarity
        self.trust = ClassifierScore.trust(familiarity: familiarity, fullTrustFamiliarity: fullTrustFamiliarity)
        self.combinedScore = ClassifierScore.combined(logOdds: logOdds, contentScore: contentScore, policyWeight: policyWeight,
                                                      familiarity: familiarity, fullTrustFamiliarity: fullTrustFamiliarity)
        self.cutoffLogOdds = choice.cutoffLogOdds
        self.isSpam = spamProbability.isFinite && choice.isSpam(logOdds: combinedScore, policyProbability: policyProbability)
    }

    /// "log odds 1.20 + 0.5 × content score 4 = 3.20 > cut-off 2.10", with "× 0.57 (the model
    /// knows 40 % of the comment)" after the log odds when they count less: why the rule spoke
    /// (or not).
    public var explanation: String {
        var text = String(format: "log odds %.2f", logOdds)
        if trust != 1 {
            text += String(format: " × %.2f (the model knows %.0f %% of the comment)", trust, familiarity * 100)
        }
        if policyWeight != 0 && contentScore != 0 {
            text += " + " + Self.number(policyWeight) + " × content score " + Self.number(contentScore)
        }
        if trust != 1 || (policyWeight != 0 && contentScore != 0) {
            text += String(format: " = %.2f", combinedScore)
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
