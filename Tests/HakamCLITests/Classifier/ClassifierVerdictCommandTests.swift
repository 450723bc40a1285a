import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

/// ROC points in `classifier eval`, the classifier in `policy test`, and `import --train`.
@Suite("classifier in eval, policy test and import")
struct ClassifierVerdictCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    /// 60 spam and 60 ham comments: enough for the policy's 50-per-class minimum.
    func writeCorpus(name: String = "corpus.csv", offset: Int = 0) throws -> String {
        var csv = "text,label\n"
        let spamWords = ["subscribe", "channel", "free", "money", "gift", "click", "اشترك", "قناتي", "اربح"]
        let hamWords = ["analysis", "article", "election", "author", "thanks", "مقال", "تحليل", "شكرا", "الاقتصاد"]
        for n in 0..<60 {
            let i = n + offset
            csv += "\(spamWords[i % 9]) \(spamWords[(i + 3) % 9]) \(spamWords[(i + 5) % 9]) number\(i),1\n"
            csv += "\(hamWords[i % 9]) \(hamWords[(i + 2) % 9]) \(hamWords[(i + 4) % 9]) number\(i),0\n"
        }
        let path = f.directory.appendingPathComponent(name).path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func evalPrintsROCPointsForFoldsAndHeldOutFiles() async throws {
        let corpus = try writeCorpus()
        let folds = await f.run(["classifier", "eval", corpus, "--folds", "3"])
        #expect(folds.exitCode == 0, "\(folds.message)")
        #expect(folds.stdout.contains("ROC AUC"))
        for rate in ["1 %", "2 %", "5 %"] {
            #expect(folds.stdout.contains(rate), "no \(rate) row in \(folds.stdout)")
        }

        let heldOut = try writeCorpus(name: "held.csv", offset: 7)
        for model in ["naive-bayes", "logistic"] {
            let result = await f.run(["classifier", "eval", corpus, "--held-out", heldOut, "--model", model, "--json"])
            #expect(result.exitCode == 0, "\(result.message)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["examples"] as? Int == 120)
            let roc = try #require(object["roc"] as? [[String: Any]])
            #expect(roc.compactMap { $0["fp_target"] as? Double } == [0.01, 0.02, 0.05])
            // The two vocabularies never overlap: every spam ranks above every ham.
            #expect(object["auc"] as? Double == 1)
            #expect(roc.last?["recall"] as? Double == 1)
        }
        #expect(await f.run(["classifier", "eval", corpus, "--folds", "3", "--held-out", heldOut]).exitCode == 64)
    }

    @Test func policyTestShowsTheClassifierOnceTheDatabaseHasAModel() async throws {
        let before = await f.run(["policy", "test", "--body", "free money subscribe to my channel"])
        #expect(before.exitCode == 0, "\(before.message)")
        #expect(before.stdout.contains("classifier: no model"))
        let beforeJSON = await f.run(["policy", "test", "--body", "free money", "--json"])
        #expect(beforeJSON.stdout.contains("\"classifier_probability\":null"))

        #expect(await f.run(["train", try writeCorpus()]).exitCode == 0)
        let text = await f.run(["policy", "test", "--body", "free money subscribe to my channel"])
        #expect(text.stdout.contains("classifier: spam probability"))
        #expect(text.stdout.contains("model of 60 spam, 60 ham"))
        #expect(text.stdout.contains("classifier.spam"))

        let json = await f.run(["policy", "test", "--body", "شكرا على المقال والتحليل", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let probability = try #require(object["classifier_probability"] as? Double)
        #expect(probability < 0.5)
    }

    @Test func policyTestBatchPrintsOneVerdictPerLine() async throws {
        let input = f.directory.appendingPathComponent("batch.jsonl").path
        try """
            {"body": "يا كلب يا حقير"}
            شكرا على المقال
            {"name": "x"}
            """.write(toFile: input, atomically: true, encoding: .utf8)
        let result = await f.run(["policy", "test", "--batch", input])
        #expect(result.exitCode == 0, "\(result.message)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("word.abuse-ar-insult"))
        #expect(lines[1].contains("\"score\":0"))
        #expect(lines[2].contains("\"error\"") && lines[2].contains("\"line\":3"))
        #expect(await f.run(["policy", "test"]).exitCode == 64)
    }

    @Test func importTrainTeachesThePastDecisions() async throws {
        let path = f.directory.appendingPathComponent("export.xml").path
        try WXRSample.thread.xml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = await f.run(["import", path, "--train"])
        #expect(result.exitCode == 0, "\(result.message)")
        #expect(result.stdout.contains("trained the classifier on 1 spam and 3 approved comments"))
        let stats = try await f.database.classifierStats()
        #expect(stats.documents.spam == 1 && stats.documents.ham == 3)

        // Importing again imports nothing, so it teaches nothing again.
        let again = await f.run(["import", path, "--train"])
        #expect(again.stdout.contains("trained the classifier on 0 spam and 0 approved comments"))
        #expect(try await f.database.classifierStats().documents.ham == 3)

        // Without the flag nothing is taught.
        let other = try ModerationCLIFixture()
        _ = await other.run(["import", path])
        #expect(try await other.database.classifierStats().documents.ham == 0)
    }
}

extension ClassifierVerdictCommandTests {
    @Test func trainReportsTheCutoffForATargetFalsePositiveRate() async throws {
        let result = await f.run(["train", try writeCorpus(), "--target-fp", "0.05"])
        #expect(result.exitCode == 0, "\(result.message)")
        #expect(result.stdout.contains("cut-off for 5 % false positives (naive-bayes, 5-fold cross-validation of 120 stored lessons, log odds (weighed below 70 % familiarity) + 0.5 × content score): recall 1.000"),
                "\(result.stdout)")
        let stored = try await f.database.classifierChoice()
        #expect(stored.kind == .naiveBayes)
        #expect(stored.targetFalsePositiveRate == 0.05)
        #expect(stored.cutoffLogOdds != nil)
        #expect(await f.run(["train", try writeCorpus(), "--target-fp", "2"]).exitCode == 64)
    }

    @Test func trainStoresTheModelAndCutoffThatStatsEvalAndPolicyTestUse() async throws {
        let corpus = try writeCorpus()
        let result = await f.run(["train", corpus, "--model", "nb-logistic", "--target-fp", "0.02"])
        #expect(result.exitCode == 0, "\(result.message)")
        #expect(result.stdout.contains("(nb-logistic, 5-fold cross-validation of 120 stored lessons, log odds (weighed below 70 % familiarity) + 0.5 × content score)"))
        let choice = try await f.database.classifierChoice()
        #expect(choice.kind == .nbLogistic)
        let cutoff = try #require(choice.cutoffLogOdds)
        #expect(try await f.database.classifierTrainingExamples().count == 120)
        // The server chooses the cut-off again once the model knows a fifth more or fewer than this.
        #expect(choice.documentsAtChoice == 120)

        let stats = await f.run(["classifier", "stats", "--json"])
        #expect(stats.stdout.contains("\"model\":\"nb-logistic\""), "\(stats.stdout)")
        #expect(stats.stdout.contains("\"examples_at_cutoff_choice\":120"), "\(stats.stdout)")

        let eval = await f.run(["classifier", "eval", try writeCorpus(name: "held.csv", offset: 7), "--json"])
        #expect(eval.exitCode == 0, "\(eval.message)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        let chosen = try #require(object["chosen"] as? [String: Any])
        #expect(chosen["model"] as? String == "nb-logistic")
        #expect(abs((chosen["cutoff_log_odds"] as? Double ?? .nan) - cutoff) < 1e-9)
        #expect((object["roc"] as? [Any])?.count == 3)
        let text = await f.run(["classifier", "eval", try writeCorpus(name: "held2.csv", offset: 11)])
        #expect(text.stdout.contains("at the stored cut-off (chosen for 2 % false positives)"), "\(text.stdout)")
        #expect(text.stdout.contains("NB-LR"))
    }
}

/// The classifier decides on log odds + classifier.policy_weight × the other rules' content score:
/// `train` keeps each lesson's score, `classifier eval` measures that sum, `policy test` shows it.
extension ClassifierVerdictCommandTests {
    @Test func trainKeepsEachLessonsContentScoreAndPolicyTestShowsTheSum() async throws {
        #expect(await f.run(["train", try writeCorpus(), "--model", "nb-logistic", "--target-fp", "0.05"]).exitCode == 0)
        let lessons = try await f.database.classifierTrainingExamples()
        #expect(lessons.count == 120)
        #expect(lessons.allSatisfy { $0.contentScore != nil })

        // A listed insult gives a content score; the decision shows it with the weight and the sum.
        let json = await f.run(["policy", "test", "--body", "يا حقير free money subscribe to my channel", "--json"])
        #expect(json.exitCode == 0, "\(json.message)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let classifier = try #require(object["classifier"] as? [String: Any])
        let logOdds = try #require(classifier["log_odds"] as? Double)
        let content = try #require(classifier["content_score"] as? Double)
        let weight = try #require(classifier["policy_weight"] as? Double)
        let score = try #require(classifier["score"] as? Double)
        let familiarity = try #require(classifier["familiarity"] as? Double)
        let trust = try #require(classifier["trust"] as? Double)
        #expect(weight == 0.5)
        #expect(content > 0)
        // The shipped policy's classifier.familiarity is 0.7: below it the log odds count in proportion.
        #expect((0...1).contains(familiarity))
        #expect(abs(trust - min(1, familiarity / 0.7)) < 1e-9)
        #expect(abs(score - (trust * logOdds + weight * content)) < 1e-9)
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        let flagged = reasons.contains { $0["code"] as? String == "classifier.spam" }
        #expect(classifier["spam"] as? Bool == flagged)
        let cutoff = try #require(classifier["cutoff_log_odds"] as? Double)
        #expect(flagged == (score > cutoff))
        let otherReasons = reasons.filter { $0["code"] as? String != "classifier.spam" }.compactMap { $0["weight"] as? Double }
        #expect(abs(otherReasons.reduce(0, +) - content) < 1e-9)

        let text = await f.run(["policy", "test", "--body", "يا حقير free money subscribe to my channel"])
        #expect(text.stdout.contains("+ 0.5 × content score"), "\(text.stdout)")
        #expect(text.stdout.contains("cut-off"))
    }

    @Test func evalMeasuresTheSumTheServerDecidesOn() async throws {
        let corpus = try writeCorpus(), heldOut = try writeCorpus(name: "held.csv", offset: 7)
        let result = await f.run(["classifier", "eval", corpus, "--held-out", heldOut, "--model", "nb-logistic", "--json", "--scores"])
        #expect(result.exitCode == 0, "\(result.message)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["policy_weight"] as? Double == 0.5)
        let scores = try #require(object["scores"] as? [Double]), logOdds = try #require(object["log_odds"] as? [Double])
        let content = try #require(object["content_scores"] as? [Double])
        #expect(scores.count == 120 && logOdds.count == 120 && content.count == 120)
        for i in scores.indices { #expect(abs(scores[i] - (logOdds[i] + 0.5 * content[i])) < 1e-9) }

        let alone = await f.run(["classifier", "eval", corpus, "--held-out", heldOut, "--model", "nb-logistic", "--json", "--scores", "--policy-weight", "0"])
        let aloneObject = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
        #expect(aloneObject["policy_weight"] as? Double == 0)
        #expect(aloneObject["scores"] as? [Double] == logOdds)
        #expect(await f.run(["classifier", "eval", corpus, "--folds", "3", "--policy-weight", "-1"]).exitCode == 64)
    }
}
