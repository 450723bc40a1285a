import Foundation
@testable import HakamCore
import Testing

@Suite("ROC operating points and the logistic model")
struct OperatingPointTests {
    @Test func cutoffKeepsFalsePositivesAtOrUnderTheTarget() {
        // 100 ham scored 0...99, 10 spam scored 95...104.
        let scores = (0..<100).map(Double.init) + (95..<105).map(Double.init)
        let spam = [Bool](repeating: false, count: 100) + [Bool](repeating: true, count: 10)
        let point = OperatingPoint.at(falsePositiveRate: 0.02, scores: scores, spam: spam)
        // Two ham may be above the cut-off: 98 and 99; the cut-off is the third highest ham, 97.
        #expect(point.cutoff == 97)
        #expect(point.matrix.falsePositives == 2)
        #expect(point.matrix.truePositives == 7)  // 98...104
        #expect(point.falsePositiveRate <= 0.02)
    }

    @Test func tiesFallOnTheHamSide() {
        // A word list scores most comments 0: a tie at the cut-off must not count as caught.
        let scores: [Double] = [0, 0, 0, 0, 5, 0, 0, 5]
        let spam = [false, false, false, false, false, true, true, true]
        let point = OperatingPoint.at(falsePositiveRate: 0.05, scores: scores, spam: spam)
        #expect(point.cutoff == 5)
        #expect(point.matrix.truePositives == 0)
        #expect(point.matrix.falsePositives == 0)
        let loose = OperatingPoint.at(falsePositiveRate: 0.2, scores: scores, spam: spam)
        #expect(loose.cutoff == 0)
        #expect(loose.matrix.truePositives == 1)
        #expect(loose.matrix.falsePositives == 1)
    }

    @Test func areaUnderCurve() {
        #expect(OperatingPoint.areaUnderCurve(scores: [1, 2, 3, 4], spam: [false, false, true, true]) == 1)
        #expect(OperatingPoint.areaUnderCurve(scores: [4, 3, 2, 1], spam: [false, false, true, true]) == 0)
        #expect(OperatingPoint.areaUnderCurve(scores: [1, 1, 1, 1], spam: [false, true, false, true]) == 0.5)
    }

    @Test func logisticModelSeparatesWhatNaiveBayesSees() {
        let extractor = FeatureExtractor()
        let spamTexts = ["اشترك في قناتي واربح المال", "free money subscribe to my channel", "اربح المال الآن اشترك", "subscribe now free gift money"]
        let hamTexts = ["شكرا على التحليل الممتاز", "I disagree with the author", "مقال رائع عن الاقتصاد", "the election coverage was good"]
        let training = spamTexts.map { (features: extractor.features(of: ClassifierInput(body: $0)), spam: true) }
            + hamTexts.map { (features: extractor.features(of: ClassifierInput(body: $0)), spam: false) }
        var model = LogisticModel(bits: 16)
        model.train(training, epochs: 20)
        let spamScore = model.logOdds(extractor.features(of: ClassifierInput(body: "اربح المال واشترك في القناة")))
        let hamScore = model.logOdds(extractor.features(of: ClassifierInput(body: "شكرا على المقال والتحليل")))
        #expect(spamScore > 0)
        #expect(hamScore < 0)
        let scores = ClassifierKind.logistic.scores(training: training, test: training.map(\.features), alpha: 0.5)
        #expect(OperatingPoint.areaUnderCurve(scores: scores, spam: training.map(\.spam)) == 1)
    }
}
