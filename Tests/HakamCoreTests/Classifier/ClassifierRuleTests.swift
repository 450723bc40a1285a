import Foundation
@testable import HakamCore
import Testing

@Suite("classifier rule")
struct ClassifierRuleTests {
    func comment(_ body: String) throws -> ValidatedSubmission {
        ValidatedSubmission(postKey: "p", parentID: nil, name: "Reader", email: try EmailAddress(parsing: "reader@example.com"), url: nil, body: body)
    }

    @Test func explainsWithProbabilityAndDrivingFeatures() throws {
        let snapshot = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let rule = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, spamProbability: 0.9, weight: 4, action: .hold))
        let reasons = rule.evaluate(try comment("subscribe to my channel and click http://cash-now.example"), snapshot: snapshot)
        let reason = try #require(reasons.first)
        #expect(reason.code == "classifier.spam")
        #expect(reason.weight == 4)
        #expect(reason.minimumAction == .hold)
        let detail = try #require(reason.detail)
        #expect(detail.hasPrefix("spam probability 0.9") || detail.hasPrefix("spam probability 1.000"))
        #expect(detail.contains("driven by"))
        #expect(!detail.contains("reader@example.com"))
        #expect(rule.evaluate(try comment("شكرا للكاتب على التحليل الممتاز"), snapshot: snapshot).isEmpty)
    }

    @Test func noOpinionBeforeEnoughExamplesOfEachClass() throws {
        let snapshot = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let spammy = try comment("subscribe to my channel and click http://cash-now.example")
        #expect(ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 9, spamProbability: 0.9)).evaluate(spammy, snapshot: snapshot).isEmpty)
        #expect(ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 8, spamProbability: 0.9)).evaluate(spammy, snapshot: snapshot).count == 1)
        #expect(ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 1)).evaluate(spammy, snapshot: nil).isEmpty)
        #expect(ClassifierRule(settings: ClassifierSettings(enabled: false, minExamplesPerClass: 1, spamProbability: 0.9)).evaluate(spammy, snapshot: snapshot).isEmpty)
    }

    @Test func judgeAddsTheClassifierReasonOnlyWithAModel() throws {
        var policy = Policy()
        policy.classifier = ClassifierSettings(minExamplesPerClass: 5, spamProbability: 0.9, weight: 5, action: .hold)
        let judge = Judge(policy: policy)
        let spammy = try comment("free gift cards, subscribe to my channel http://win.example")
        #expect(!(try judge.assess(spammy)).contains { $0.code == "classifier.spam" })
        let snapshot = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let reasons = try judge.assess(spammy, classifier: snapshot)
        #expect(reasons.contains { $0.code == "classifier.spam" })
        let verdict = try judge.decide(contentReasons: reasons, history: AuthorHistory(approvedCount: 1), now: Date())
        #expect(verdict.action == .hold)
    }
}
