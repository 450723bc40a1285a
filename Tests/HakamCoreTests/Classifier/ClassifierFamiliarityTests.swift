import Foundation
@testable import HakamCore
import Testing

/// The log odds count in proportion to how much of a comment the model knows, below the
/// policy's classifier.familiarity, so a model taught on other comments cannot outvote the word
/// lists on words it never saw.
@Suite("classifier: familiarity")
struct ClassifierFamiliarityTests {
    @Test func aFeatureIsKnownOnceTwoLessonsHadIt() {
        var counts = ClassifierCounts()
        counts.apply([1, 2, 3], label: .spam)
        counts.apply([1, 2], label: .ham)
        counts.apply([1], label: .ham)
        let familiarity = ClassifierFamiliarity(counts: counts)
        #expect(familiarity.share(of: [1, 2]) == 1)
        #expect(familiarity.share(of: [1, 3]) == 0.5)      // 3: one lesson only
        #expect(familiarity.share(of: [3, 4, 5, 6]) == 0)  // never or once seen
        #expect(familiarity.share(of: []) == 1)
        let opinions = ClassifierKind.naiveBayes.opinions(training: [(features: [7, 8], spam: true), (features: [7], spam: false)],
                                                          test: [[7, 8], [7]], alpha: 0.5)
        #expect(opinions.familiarity == [0.5, 1])
    }

    @Test func theLogOddsCountInProportionBelowTheSetting() {
        #expect(ClassifierScore.trust(familiarity: 0.9, fullTrustFamiliarity: 0.7) == 1)
        #expect(ClassifierScore.trust(familiarity: 0.35, fullTrustFamiliarity: 0.7) == 0.5)
        #expect(ClassifierScore.trust(familiarity: 0.1, fullTrustFamiliarity: 0) == 1)   // 0: off
        #expect(ClassifierScore.combined(logOdds: -4, contentScore: 5, policyWeight: 0.5, familiarity: 0.35, fullTrustFamiliarity: 0.7) == 0.5)
        #expect(ClassifierScore.combined(logOdds: -4, contentScore: 5, policyWeight: 0.5, familiarity: 0.35, fullTrustFamiliarity: 0) == -1.5)
        #expect(ClassifierScore.combined(logOdds: -4, contentScore: 5, policyWeight: 0.5) == -1.5)
        // A model that knows nothing of the comment says nothing, even at infinite log odds.
        #expect(ClassifierScore.combined(logOdds: -.infinity, contentScore: 5, policyWeight: 0.5, familiarity: 0, fullTrustFamiliarity: 0.7) == 2.5)
        #expect(ClassifierScore.combined(logOdds: -.infinity, contentScore: 0, policyWeight: 0.5, familiarity: 0, fullTrustFamiliarity: 0.7) == 0)
    }

    @Test func theDecisionSaysHowMuchTheModelKnew() {
        let choice = ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: 0, targetFalsePositiveRate: 0.05)
        let weighed = ClassifierDecision(logOdds: -4, contentScore: 5, policyWeight: 0.5, choice: choice, policyProbability: 0.999,
                                         familiarity: 0.35, fullTrustFamiliarity: 0.7)
        #expect(weighed.isSpam)
        #expect(weighed.trust == 0.5)
        #expect(weighed.explanation == "log odds -4.00 × 0.50 (the model knows 35 % of the comment) + 0.5 × content score 5 = 0.50 > cut-off 0.00")
        let full = ClassifierDecision(logOdds: -4, contentScore: 5, policyWeight: 0.5, choice: choice, policyProbability: 0.999,
                                      familiarity: 0.35, fullTrustFamiliarity: 0)
        #expect(!full.isSpam)
        #expect(full.explanation == "log odds -4.00 + 0.5 × content score 5 = -1.50 ≤ cut-off 0.00")
    }

    /// A comment in words the model never learnt: its few known features give strong ham log
    /// odds, which the listed insult's content score overcomes only when they are weighed.
    @Test func aCommentMostlyInUnknownWordsIsJudgedByTheListsMore() throws {
        let input = ClassifierInput(name: "Reader", body: "Thank you zorblax quimfet vorpal snicker wug blick")
        let plain = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let opinion = plain.classify(input)
        #expect(opinion.familiarity < 0.5, "familiarity \(opinion.familiarity)")
        #expect(opinion.logOdds < 0)
        // A cut-off the model's own log odds plus the lists miss, but the weighed sum passes.
        let content = 4.0
        let unweighed = opinion.logOdds + 0.5 * content
        let weighed = opinion.familiarity / 0.7 * opinion.logOdds + 0.5 * content
        #expect(weighed > unweighed)
        let cutoff = (weighed + unweighed) / 2
        let snapshot = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5,
                                          choice: ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: cutoff, targetFalsePositiveRate: 0.05))
        let on = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, policyWeight: 0.5, familiarity: 0.7))
        let off = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, policyWeight: 0.5, familiarity: 0))
        #expect(try #require(on.decision(input, snapshot: snapshot, contentScore: content)).isSpam)
        #expect(try #require(off.decision(input, snapshot: snapshot, contentScore: content)).isSpam == false)
        // A comment the model knows well (every feature in two lessons) is judged as before.
        let twice = ClassifierSnapshot(counts: ClassifierTraining.counts(ClassifierTraining.examples + ClassifierTraining.examples), alpha: 0.5)
        let known = ClassifierInput(name: "Reader", body: ClassifierTraining.ham[0])
        #expect(twice.classify(known).familiarity == 1)
        #expect(try #require(on.decision(known, snapshot: twice, contentScore: 3)).combinedScore
                == (try #require(off.decision(known, snapshot: twice, contentScore: 3))).combinedScore)
    }

    /// Cross-validation and the cut-off chooser weigh each held-out comment by what its fold's
    /// model knew, as the submit path does.
    @Test func heldOutScoresAreWeighedByTheFoldsModel() {
        var validation = CrossValidation(folds: 4)
        validation.kind = .nbLogistic
        let opinions = validation.opinions(ClassifierTraining.examples)
        #expect(opinions.logOdds == validation.logOdds(ClassifierTraining.examples))
        #expect(opinions.familiarity.allSatisfy { (0...1).contains($0) })
        #expect(opinions.familiarity.contains { $0 < 1 })
        let examples = ClassifierTraining.examples.map {
            ClassifierTrainingExample(features: FeatureExtractor().features(of: $0.input), spam: $0.label == .spam, contentScore: 0)
        }
        let alone = ClassifierCutoffChooser(kind: .nbLogistic, folds: 4).choose(examples, target: 0.25)
        let weighed = ClassifierCutoffChooser(kind: .nbLogistic, folds: 4, familiarity: 1).choose(examples, target: 0.25)
        #expect(alone != nil && weighed != nil)
        #expect(alone?.cutoff != weighed?.cutoff)
    }
}
