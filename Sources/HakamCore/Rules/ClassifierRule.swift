import Foundation

/// The learned model's opinion as a reason: `classifier.spam` when the model's log odds (weighed
/// by how much of the comment it knows, `classifier.familiarity`) plus
/// `policy_weight` times the content score the other rules gave the comment (`ClassifierScore`)
/// pass the cut-off stored with the model (`hakam train --target-fp`, chosen on that same sum),
/// or else when that sum read as a probability reaches the policy's threshold. The detail gives
/// the model's probability, the sum, and the features that drove the model (words of the
/// matching form, link hosts, name shape — never an email or an address, which the model never
/// sees). No opinion without a model, or before it has enough examples of each class.
public struct ClassifierRule: Sendable {
    public let settings: ClassifierSettings
    static let shownDrivers = 5

    public init(settings: ClassifierSettings) {
        self.settings = settings
    }

    public func evaluate(_ comment: ValidatedSubmission, snapshot: ClassifierSnapshot?, contentScore: Double = 0) -> [Reason] {
        evaluate(ClassifierInput(comment), snapshot: snapshot, contentScore: contentScore)
    }

    /// `contentScore`: the sum of the weights of the reasons the policy's other content rules gave.
    public func evaluate(_ input: ClassifierInput, snapshot: ClassifierSnapshot?, contentScore: Double = 0) -> [Reason] {
        guard settings.enabled, let snapshot, snapshot.model.isReady(minimumPerClass: settings.minExamplesPerClass) else { return [] }
        let features = snapshot.extractor.features(of: input)
        let opinion = snapshot.classify(features: features, explain: Self.shownDrivers)
        let decision = decide(opinion, contentScore: contentScore, snapshot: snapshot)
        guard decision.isSpam else { return [] }
        let names = snapshot.extractor.describe(input, features: Set(opinion.drivers.map(\.feature)))
        let drivers = opinion.drivers.compactMap { names[$0.feature] }
        return [Reason(
            code: "classifier.spam", weight: settings.weight, field: "body",
            minimumAction: settings.action,
            detail: String(format: "spam probability %.3f", decision.spamProbability) + "; " + decision.explanation
                + (drivers.isEmpty ? "" : "; driven by " + drivers.joined(separator: ", ")))]
    }

    /// The decision on one comment's model log odds; nil without a model ready to speak.
    public func decision(_ input: ClassifierInput, snapshot: ClassifierSnapshot?, contentScore: Double) -> ClassifierDecision? {
        guard settings.enabled, let snapshot, snapshot.model.isReady(minimumPerClass: settings.minExamplesPerClass) else { return nil }
        return decide(snapshot.classify(input), contentScore: contentScore, snapshot: snapshot)
    }

    private func decide(_ opinion: ClassifierOpinion, contentScore: Double, snapshot: ClassifierSnapshot) -> ClassifierDecision {
        ClassifierDecision(logOdds: opinion.logOdds, contentScore: contentScore, policyWeight: settings.policyWeight,
                           choice: snapshot.choice, policyProbability: settings.spamProbability,
                           familiarity: opinion.familiarity, fullTrustFamiliarity: settings.familiarity)
    }
}
