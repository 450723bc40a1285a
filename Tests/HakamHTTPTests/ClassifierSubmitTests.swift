import Foundation
import HakamCore
import HakamHTTP
import HakamStore
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

@Suite("the classifier in the submit path")
struct ClassifierSubmitTests {
    static var policy: Policy {
        var policy = TestApp.defaultPolicy
        policy.moderation = .none
        policy.flood.enabled = false
        policy.classifier = ClassifierSettings(minExamplesPerClass: 3, spamProbability: 0.9, weight: 5, action: .hold)
        return policy
    }

    static func seed(_ database: AppDatabase) async throws {
        let extractor = FeatureExtractor()
        var counts = ClassifierCounts()
        for text in ["subscribe to my channel for free money", "free gift cards, check my channel", "make money fast, subscribe now", "اربح المال اشترك في قناتي"] {
            counts.apply(extractor.features(of: ClassifierInput(name: "Promo", body: text)), label: .spam)
        }
        for text in ["thank you for the careful analysis", "I disagree with the minister", "شكرا على التحليل الممتاز", "great reporting on the election"] {
            counts.apply(extractor.features(of: ClassifierInput(name: "Reader", body: text)), label: .ham)
        }
        try await database.trainClassifier(counts, now: Date())
    }

    func post(_ body: String, _ n: Int) -> [String: Any] {
        ["post": "p", "name": "Reader", "email": "r\(n)@example.com", "body": body]
    }

    @Test func aTrainedModelHoldsSimilarSpamWithItsReason() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await Self.seed(test.database)
        await test.services.classifier.refresh(alpha: 0.5)
        try await test.application().test(.router) { client in
            let spam = try await client.postJSON(post("subscribe to my channel, free money", 1))
            #expect(spam.status == .created)
            #expect(try spam.json["status"] as? String == "pending")
            let id = try #require(try spam.json["id"] as? Int)
            let stored = try #require(try await test.database.comment(id: Int64(id)))
            let reason = try #require(stored.decodedReasons.first { $0.code == "classifier.spam" })
            #expect(reason.detail?.contains("spam probability") == true)
            #expect(!(reason.detail ?? "").contains("r1@example.com"))

            let ham = try await client.postJSON(post("thank you, great analysis of the election", 2))
            #expect(try ham.json["status"] as? String == "approved")
        }
    }

    /// The stored choice decides: an NB-LR model retrained from the stored lessons in the
    /// background, flagging above the stored cut-off though its probability is far below the
    /// policy's 0.999999.
    @Test func aStoredModelAndCutoffDecideInsteadOfThePolicyProbability() async throws {
        var policy = Self.policy
        policy.classifier.spamProbability = 0.999999
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        let extractor = FeatureExtractor()
        var counts = ClassifierCounts()
        var lessons: [ClassifierTrainingExample] = []
        for (text, spam) in [("subscribe to my channel for free money", true), ("free gift cards, check my channel", true),
                             ("make money fast, subscribe now", true), ("thank you for the careful analysis", false),
                             ("I disagree with the minister", false), ("great reporting on the election", false)] {
            let features = extractor.features(of: ClassifierInput(name: "Reader", body: text))
            counts.apply(features, label: spam ? .spam : .ham)
            lessons.append(ClassifierTrainingExample(features: features, spam: spam))
        }
        try await test.database.trainClassifier(counts, examples: lessons, now: Date())
        try await test.database.setClassifierChoice(ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 0, targetFalsePositiveRate: 0.02), now: Date())
        await test.services.classifier.refresh(alpha: 0.5)
        let snapshot = try #require(test.services.classifier.current(alpha: 0.5))
        #expect(snapshot.logistic != nil)
        let spamOdds = snapshot.classify(ClassifierInput(name: "Reader", body: "subscribe to my channel, free money")).logOdds
        #expect(spamOdds > 0 && spamOdds < 13.8)   // above the cut-off, below p = 0.999999
        try await test.application().test(.router) { client in
            let spam = try await client.postJSON(post("subscribe to my channel, free money", 1))
            #expect(try spam.json["status"] as? String == "pending")
            let ham = try await client.postJSON(post("thank you, great analysis of the election", 2))
            #expect(try ham.json["status"] as? String == "approved")
        }
    }

    @Test func anEmptyModelGivesNoOpinion() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        await test.services.classifier.refresh(alpha: 0.5)
        try await test.application().test(.router) { client in
            let response = try await client.postJSON(post("subscribe to my channel, free money", 1))
            #expect(response.status == .created)
            #expect(try response.json["status"] as? String == "approved")
        }
    }

    @Test func aCorruptedModelNeverBlocksSubmissions() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.temporary.raw.dropClassifierTables()
        try await test.application().test(.router) { client in
            for n in 1...3 {
                let response = try await client.postJSON(post("subscribe to my channel, free money \(n)", n))
                #expect(response.status == .created)
                #expect(try response.json["status"] as? String == "approved")
                // The background load fails; a failing model must not slow or stop anything.
                await test.services.classifier.refresh(alpha: 0.5)
            }
        }
        #expect(test.services.classifier.current(alpha: 0.5) == nil)
    }
}
