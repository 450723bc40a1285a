import Foundation

/// The learned model's opinion as a reason: `classifier.spam` when the log odds pass the cut-off
/// stored with the model (`hakam train --target-fp`), or else when the spam probability reaches
/// the policy's threshold, with the probability and the features that drove it (words of the
/// matching form, link hosts, name shape — never an email or an address, which the model never
/// sees). No opinion without a model, or before it has enough examples of each class.
public struct ClassifierRule: Sendable {
    public let settings: ClassifierSettings
    static let shownDrivers = 5

    public init(settings: ClassifierSettings) {
        self.settings = settings
    }

    public func evaluate(_ comment: ValidatedSubmission, snapshot: ClassifierSnapshot?) -> [Reason] {
        evaluate(ClassifierInput(comment), snapshot: snapshot)
    }

    public func evaluate(_ input: ClassifierInput, snapshot: ClassifierSnapshot?) -> [Reason] {
        guard settings.enabled, let snapshot, snapshot.model.isReady(minimumPerClass: settings.minExamplesPerClass) else { return [] }
        let features = snapshot.extractor.features(of: input)
        let opinion = snapshot.classify(features: features, explain: Self.shownDrivers)
        let probability = opinion.spamProbability
        guard probability.isFinite, snapshot.choice.isSpam(logOdds: opinion.logOdds, policyProbability: settings.spamProbability) else { return [] }
        let names = snapshot.extractor.describe(input, features: Set(opinion.drivers.map(\.feature)))
        let drivers = opinion.drivers.compactMap { names[$0.feature] }
        return [Reason(
            code: "classifier.spam", weight: settings.weight, field: "body",
            minimumAction: settings.action,
            detail: String(format: "spam probability %.3f", probability) + (drivers.isEmpty ? "" : "; driven by " + drivers.joined(separator: ", ")))]
    }
}
