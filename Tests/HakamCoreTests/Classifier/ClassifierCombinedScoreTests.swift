import Foundation
@testable import HakamCore
import Testing

/// The classifier decides on log odds + classifier.policy_weight × the other rules' content
/// score, and its cut-off is chosen on that same sum.
@Suite("classifier: log odds plus the policy's content score")
struct ClassifierCombinedScoreTests {
    func comment(_ body: String) throws -> ValidatedSubmission {
        ValidatedSubmission(postKey: "p", parentID: nil, name: "Reader", email: try EmailAddress(parsing: "reader@example.com"), url: nil, body: body)
    }

    let spammy = "subscribe to my channel and click http://cash-now.example"

    /// A naive Bayes snapshot whose stored cut-off sits one log-odds unit above the spam comment's own log odds.
    func snapshotJustAbove(_ body: String) -> (ClassifierSnapshot, Double) {
        let plain = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let logOdds = plain.classify(ClassifierInput(name: "Reader", body: body)).logOdds
        let choice = ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: logOdds + 1, targetFalsePositiveRate: 0.05)
        return (ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5, choice: choice), logOdds)
    }

    @Test func aCommentBelowTheCutoffOnTheModelAlonePassesWithThePolicysScore() throws {
        let (snapshot, logOdds) = snapshotJustAbove(spammy)
        #expect(logOdds.isFinite)
        let rule = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, weight: 4, policyWeight: 0.5))
        let input = try comment(spammy)
        #expect(rule.evaluate(input, snapshot: snapshot, contentScore: 0).isEmpty)
        #expect(rule.evaluate(input, snapshot: snapshot, contentScore: 1.9).isEmpty)   // +0.95: still at most the cut-off
        let reason = try #require(rule.evaluate(input, snapshot: snapshot, contentScore: 4).first)   // +2: above it
        #expect(reason.code == "classifier.spam")
        #expect(reason.weight == 4)
        let detail = try #require(reason.detail)
        #expect(detail.contains(String(format: "log odds %.2f + 0.5 × content score 4 = %.2f > cut-off %.2f", logOdds, logOdds + 2, logOdds + 1)), "\(detail)")
        #expect(detail.contains("driven by"))
    }

    @Test func weightZeroIsTheModelAlone() throws {
        let (snapshot, logOdds) = snapshotJustAbove(spammy)
        let input = try comment(spammy)
        let alone = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, policyWeight: 0))
        #expect(alone.evaluate(input, snapshot: snapshot, contentScore: 100).isEmpty)
        #expect(ClassifierScore.combined(logOdds: logOdds, contentScore: 100, policyWeight: 0) == logOdds)
        #expect(ClassifierScore.combined(logOdds: -.infinity, contentScore: 3, policyWeight: 0) == -.infinity)
        // With a cut-off below the log odds, the old rule and W = 0 both flag it, whatever the content score.
        let lower = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5,
                                       choice: ClassifierChoice(kind: .naiveBayes, cutoffLogOdds: logOdds - 1, targetFalsePositiveRate: 0.05))
        #expect(alone.evaluate(input, snapshot: lower, contentScore: 0).count == 1)
        #expect(alone.evaluate(input, snapshot: lower, contentScore: -50).count == 1)
        // Without a stored cut-off, the policy's probability reads the same sum as log odds.
        let probability = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 5, spamProbability: 0.999999, policyWeight: 0.5))
        let noCutoff = ClassifierSnapshot(counts: ClassifierTraining.counts(), alpha: 0.5)
        let decision = try #require(probability.decision(ClassifierInput(input), snapshot: noCutoff, contentScore: 0))
        #expect(decision.cutoffLogOdds == nil)
        let needed = log(0.999999 / 0.000001) - decision.logOdds
        #expect(probability.evaluate(input, snapshot: noCutoff, contentScore: 0).isEmpty == (needed > 0))
        #expect(probability.evaluate(input, snapshot: noCutoff, contentScore: max(0, needed) * 2 + 2).count == 1)
    }

    @Test func theJudgeGivesTheRuleTheOtherRulesScore() throws {
        let body = "you are a scammer, " + spammy
        let (snapshot, _) = snapshotJustAbove(body)
        var policy = Policy()
        policy.wordLists = [WordListSettings(name: "abuse", file: "a.txt", action: nil, weight: 6, fields: [.body],
                                             patterns: [WordPattern(text: "scammer", listID: 0)])]
        policy.classifier = ClassifierSettings(minExamplesPerClass: 5, weight: 5, policyWeight: 0.5)
        let judge = Judge(policy: policy)
        let input = try comment(body)
        let reasons = try judge.assess(input, classifier: snapshot)
        #expect(reasons.contains { $0.code == "word.abuse" })
        #expect(reasons.contains { $0.code == "classifier.spam" })   // log odds + 0.5 × 6 = log odds + 3 > log odds + 1
        let decision = try #require(judge.classifierDecision(input, classifier: snapshot))
        #expect(decision.contentScore == Judge.score(reasons.filter { $0.code != "classifier.spam" }))
        #expect(decision.isSpam)
        policy.classifier.policyWeight = 0
        #expect(!(try Judge(policy: policy).assess(input, classifier: snapshot)).contains { $0.code == "classifier.spam" })
        #expect(LessonContentScorer(judge: judge).score(ClassifierInput(name: "Reader", body: body)) == decision.contentScore)
    }

    @Test func theChooserDrawsTheCutoffOnTheSum() throws {
        // Spam and ham the model cannot tell apart (the same text): only the content score separates them.
        let features = FeatureExtractor().features(of: ClassifierInput(name: "Reader", body: "an ordinary sentence about the news"))
        var examples: [ClassifierTrainingExample] = []
        for n in 0..<40 {
            examples.append(ClassifierTrainingExample(features: features + [UInt64(n)], spam: n % 2 == 0, contentScore: n % 2 == 0 ? 6 : 0))
        }
        let alone = try #require(ClassifierCutoffChooser(kind: .nbLogistic).choose(examples, target: 0.05))
        #expect(alone.falsePositiveRate <= 0.05)
        #expect(alone.recall < 0.5)
        let combined = try #require(ClassifierCutoffChooser(kind: .nbLogistic, policyWeight: 1).choose(examples, target: 0.05))
        #expect(combined.falsePositiveRate <= 0.05)
        #expect(combined.recall == 1)
        // An unknown content score counts as 0: the spam loses its advantage.
        let unknown = examples.map { ClassifierTrainingExample(features: $0.features, spam: $0.spam) }
        #expect(ClassifierCutoffChooser(kind: .nbLogistic, policyWeight: 1).choose(unknown, target: 0.05) == alone)
    }

    @Test func theLessonScorerScoresWhatTheRulesSee() {
        let scorer = LessonContentScorer(judge: Judge(policy: Policy()))
        #expect(scorer.score(ClassifierInput(name: "Reader", body: "a plain comment")) == 0)
        // The conventional spam test name: the test-values rule's 20.
        #expect(scorer.score(ClassifierInput(name: "viagra-test-123", body: "a plain comment")) == 20)
        // A name-less row gets the placeholder name; a blank text cannot be judged and scores 0.
        #expect(scorer.score(ClassifierInput(name: "", body: "a plain comment")) == 0)
        #expect(scorer.score(ClassifierInput(name: "viagra-test-123", body: "   ")) == 0)
    }
}
