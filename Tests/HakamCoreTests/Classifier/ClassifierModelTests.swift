import Foundation
@testable import HakamCore
import Testing

@Suite("classifier model")
struct ClassifierModelTests {
    let extractor = FeatureExtractor()

    @Test func trainingMovesTheVerdictOfSimilarComments() {
        let spamLike = ClassifierInput(body: "subscribe to my channel, free money http://cash-now.example")
        let hamLike = ClassifierInput(body: "شكرا على التحليل الممتاز للانتخابات")
        let untrained = NaiveBayesModel(counts: ClassifierCounts())
        #expect(untrained.classify(extractor.features(of: spamLike)).spamProbability == 0.5)

        let model = NaiveBayesModel(counts: ClassifierTraining.counts())
        let spam = model.classify(extractor.features(of: spamLike)).spamProbability
        let ham = model.classify(extractor.features(of: hamLike)).spamProbability
        #expect(spam > 0.99)
        #expect(ham < 0.01)
    }

    @Test func addingThenRemovingRestoresTheCountsExactly() {
        let before = ClassifierTraining.counts()
        var counts = before
        let extra = extractor.features(of: ClassifierInput(name: "Ali2", body: "a brand new comment with new words http://new.example"))
        counts.apply(extra, label: .spam)
        #expect(counts != before)
        #expect(counts.documents.spam == before.documents.spam + 1)
        counts.apply(extra, label: .spam, sign: -1)
        #expect(counts == before)
    }

    @Test func foldedSpellingsShareFeatures() {
        let plain = Set(extractor.features(of: ClassifierInput(body: "viagra")))
        let disguised = Set(extractor.features(of: ClassifierInput(body: "V1AGRA")))
        #expect(plain == disguised)
        let arabic = Set(extractor.features(of: ClassifierInput(body: "كازينو")))
        let stretched = Set(extractor.features(of: ClassifierInput(body: "كــازيـــنو")))
        #expect(arabic == stretched)
        // An Arabic clitic keeps most character n-grams of the bare word.
        let withPrefix = Set(extractor.features(of: ClassifierInput(body: "والكازينو")))
        #expect(arabic.intersection(withPrefix).count >= 3)
    }

    @Test func theNameGivesOnlyItsShape() {
        let input = ClassifierInput(name: "Samira Haddad", body: "hello")
        let features = extractor.features(of: input)
        let names = extractor.describe(input, features: Set(features)).values
        #expect(!names.contains { $0.lowercased().contains("samira") || $0.lowercased().contains("haddad") })
        #expect(names.contains("name:words=2"))
    }

    @Test func linkHostsAndCountAreFeatures() {
        let input = ClassifierInput(url: "https://www.blog.example/me", body: "see https://www.shop.example.com/x and http://bit.ly/y")
        let names = Set(extractor.describe(input, features: Set(extractor.features(of: input))).values)
        #expect(names.isSuperset(of: ["domain:shop.example.com", "domain:example.com", "domain:bit.ly", "links:2", "website:blog.example"]))
    }

    @Test func crossValidationIsRepeatableAndCountsEveryExampleOnce() {
        let examples = ClassifierTraining.examples
        let a = CrossValidation(folds: 4, spamProbability: 0.5).run(examples)
        let b = CrossValidation(folds: 4, spamProbability: 0.5).run(examples)
        #expect(a == b)
        #expect(a.total == examples.count)
        #expect(a.truePositives + a.falseNegatives == ClassifierTraining.spam.count)
    }

    @Test func confusionMatrixFigures() {
        var m = ConfusionMatrix()
        for _ in 0..<8 { m.record(actualSpam: true, predictedSpam: true) }
        for _ in 0..<2 { m.record(actualSpam: true, predictedSpam: false) }
        m.record(actualSpam: false, predictedSpam: true)
        for _ in 0..<9 { m.record(actualSpam: false, predictedSpam: false) }
        #expect(abs(m.precision - 8.0 / 9) < 1e-9)
        #expect(abs(m.recall - 0.8) < 1e-9)
        #expect(abs(m.falsePositiveRate - 0.1) < 1e-9)
        #expect(abs(m.f1 - 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8)) < 1e-9)
    }
}
