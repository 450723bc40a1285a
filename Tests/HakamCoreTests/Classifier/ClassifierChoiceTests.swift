import Foundation
@testable import HakamCore
import Testing

@Suite("classifier choice and cut-off")
struct ClassifierChoiceTests {
    func features(_ example: LabelledExample) -> ClassifierTrainingExample {
        ClassifierTrainingExample(features: FeatureExtractor().features(of: example.input), spam: example.label == .spam)
    }

    @Test func storedCutoffDecidesInsteadOfThePolicyProbability() {
        let none = ClassifierChoice()
        #expect(none.isSpam(logOdds: 8, policyProbability: 0.999))      // p ≈ 0.99966
        #expect(!none.isSpam(logOdds: 6, policyProbability: 0.999))     // p ≈ 0.9975
        let chosen = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: -0.5, targetFalsePositiveRate: 0.02)
        #expect(chosen.isSpam(logOdds: 0, policyProbability: 0.999))
        #expect(!chosen.isSpam(logOdds: -0.5, policyProbability: 0.999)) // strictly above, like OperatingPoint
    }

    @Test(arguments: [ClassifierKind.naiveBayes, .logistic, .nbLogistic])
    func chooserKeepsHeldOutFalsePositivesAtTheTarget(_ kind: ClassifierKind) throws {
        // Twelve copies with a distinguishing number: enough examples for 5 folds, varied features.
        var examples: [ClassifierTrainingExample] = []
        for round in 0..<12 {
            for example in ClassifierTraining.examples {
                var copy = example
                copy.input.body += " \(round)"
                examples.append(features(copy))
            }
        }
        let point = try #require(ClassifierCutoffChooser(kind: kind).choose(examples, target: 0.05))
        #expect(point.falsePositiveRate <= 0.05)
        #expect(point.recall > 0.9)
        #expect(point.cutoff.isFinite)
        // Too few examples of a class for 5 folds: no cut-off rather than a made-up one.
        #expect(ClassifierCutoffChooser(kind: kind).choose(Array(examples.prefix(4)), target: 0.05) == nil)
    }

    @Test func aChoiceIsChosenAgainOnlyForItsTargetRate() throws {
        var examples: [ClassifierTrainingExample] = []
        for round in 0..<6 {
            for example in ClassifierTraining.examples {
                var copy = example
                copy.input.body += " \(round)"
                examples.append(features(copy))
            }
        }
        let byHand = ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: 1.5)
        #expect(byHand.chosenAgain(on: examples, documents: examples.count, alpha: 0.5, policyWeight: 0) == nil)
        let asked = ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: 99, targetFalsePositiveRate: 0.05, documentsAtChoice: 3)
        let (chosen, point) = try #require(asked.chosenAgain(on: examples, documents: examples.count, alpha: 0.5, policyWeight: 0))
        let direct = try #require(ClassifierCutoffChooser(kind: .naiveBayes).choose(examples, target: 0.05))
        #expect(point == direct)
        #expect(chosen.cutoffLogOdds == direct.cutoff && chosen.targetFalsePositiveRate == 0.05 && chosen.documentsAtChoice == examples.count)
        // Every content score 2 higher at weight 0.5: the whole sum, and so the cut-off, moves by 1.
        let raised = examples.map { var e = $0; e.contentScore = 2; return e }
        let moved = try #require(asked.chosenAgain(on: raised, documents: examples.count, alpha: 0.5, policyWeight: 0.5))
        #expect(abs((moved.choice.cutoffLogOdds ?? .nan) - direct.cutoff - 1) < 1e-9)
        #expect(asked.chosenAgain(on: Array(examples.prefix(4)), documents: 4, alpha: 0.5, policyWeight: 0) == nil)
    }

    @Test(arguments: [ClassifierKind.logistic, .nbLogistic])
    func ruleUsesTheDiscriminativeModelAndTheStoredCutoff(_ kind: ClassifierKind) throws {
        let examples = ClassifierTraining.examples.map(features)
        let counts = ClassifierTraining.counts()
        let spammy = ClassifierInput(name: "Reader", body: "subscribe to my channel and click http://cash-now.example")
        let plain = ClassifierInput(name: "Reader", body: "شكرا للكاتب على التحليل الممتاز")
        let strict = ClassifierSnapshot.build(counts: counts, examples: examples, choice: ClassifierChoice(kind: kind), alpha: 0.5, generation: 1)
        let spamScore = strict.classify(spammy).logOdds, plainScore = strict.classify(plain).logOdds
        #expect(spamScore > plainScore)
        let settings = ClassifierSettings(minExamplesPerClass: 5, spamProbability: 0.999999)
        // A cut-off between the two scores: the spam comment is flagged though its probability is far below 0.999999.
        let chosen = ClassifierChoice(kind: kind, cutoffLogOdds: (spamScore + plainScore) / 2, targetFalsePositiveRate: 0.02)
        let snapshot = ClassifierSnapshot.build(counts: counts, examples: examples, choice: chosen, alpha: 0.5, generation: 1)
        #expect(snapshot.logistic != nil)
        let reason = try #require(ClassifierRule(settings: settings).evaluate(spammy, snapshot: snapshot).first)
        #expect(reason.code == "classifier.spam")
        #expect(reason.detail?.contains("driven by") == true)
        #expect(ClassifierRule(settings: settings).evaluate(plain, snapshot: snapshot).isEmpty)
        // Without a cut-off, the policy's probability applies as before.
        #expect(ClassifierRule(settings: settings).evaluate(plain, snapshot: strict).isEmpty)
    }

    @Test func characterGramsAcrossWordsSpanTheSpace() {
        var options = FeatureExtractor.Options()
        options.words = false; options.bigrams = false; options.links = false; options.nameShape = false
        options.charGramSizes = [3]
        options.charGramsAcrossWords = true
        let extractor = FeatureExtractor(options: options)
        let input = ClassifierInput(body: "يا كلب")
        let names = extractor.describe(input, features: Set(extractor.features(of: input))).values
        #expect(names.contains("text:ا ك"))
        #expect(names.contains("text: يا"))
        options.charGramsAcrossWords = false
        let inside = FeatureExtractor(options: options)
        #expect(!inside.describe(input, features: Set(inside.features(of: input))).values.contains { $0.contains(" ") })
    }
}

extension ClassifierChoiceTests {
    @Test func aDiscriminativeChoiceWithoutLessonsFallsBackToNaiveBayesAndThePolicy() {
        let chosen = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: -3, targetFalsePositiveRate: 0.02)
        let snapshot = ClassifierSnapshot.build(counts: ClassifierTraining.counts(), examples: [], choice: chosen, alpha: 0.5, generation: 1)
        #expect(snapshot.logistic == nil)
        #expect(snapshot.choice == ClassifierChoice())
    }
}
