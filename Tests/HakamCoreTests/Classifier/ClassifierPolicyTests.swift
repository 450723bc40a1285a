@testable import HakamCore
import Testing

@Suite("classifier section of the policy")
struct ClassifierPolicyTests {
    @Test func theShippedPolicyDocumentsTheClassifier() throws {
        let settings = try PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath).classifier
        #expect(settings == ClassifierSettings(enabled: true, minExamplesPerClass: 50, spamProbability: 0.999, weight: 5, action: .hold, alpha: 0.5,
                                               policyWeight: ClassifierSettings.defaultPolicyWeight, familiarity: 0.7))
    }

    @Test func everyKeyIsRead() throws {
        let yaml = "classifier: {enabled: false, min_examples_per_class: 7, spam_probability: 0.95, weight: 2.5, action: none, alpha: 1, policy_weight: 0.25, familiarity: 0.4}\n"
        let settings = try PolicyLoader().parse(yaml, file: "c.yml").classifier
        #expect(settings == ClassifierSettings(enabled: false, minExamplesPerClass: 7, spamProbability: 0.95, weight: 2.5, action: nil, alpha: 1, policyWeight: 0.25,
                                               familiarity: 0.4))
        #expect(try PolicyLoader().parse("classifier: {policy_weight: 0}\n", file: "c.yml").classifier.policyWeight == 0)
        #expect(try PolicyLoader().parse("classifier: {familiarity: 0}\n", file: "c.yml").classifier.familiarity == 0)
    }

    @Test(arguments: [
        ("classifier:\n  spam_probability: 1.5\n", "c.yml:2: classifier.spam_probability: must be above 0.5 and below 1"),
        ("classifier:\n  min_examples_per_class: 0\n", "c.yml:2: classifier.min_examples_per_class: must be between 1 and 1000000"),
        ("classifier:\n  action: approve\n", "c.yml:2: classifier.action: must be none, hold, spam or trash"),
        ("classifier:\n  treshold: 0.9\n", "c.yml:2: classifier.treshold: unknown key (known: action, alpha, enabled, familiarity, min_examples_per_class, policy_weight, spam_probability, weight)"),
        ("classifier:\n  policy_weight: -1\n", "c.yml:2: classifier.policy_weight: must be 0 to 10"),
        ("classifier:\n  familiarity: 1.5\n", "c.yml:2: classifier.familiarity: must be 0 to 1"),
    ])
    func badValuesSayWhereAndWhy(yaml: String, message: String) {
        #expect(throws: PolicyError.self) { try PolicyLoader().parse(yaml, file: "c.yml") }
        do { _ = try PolicyLoader().parse(yaml, file: "c.yml") } catch { #expect(error.description == message) }
    }
}
