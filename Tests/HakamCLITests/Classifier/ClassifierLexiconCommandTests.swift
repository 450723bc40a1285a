import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("the classifier's word-list features follow the policy given to the commands")
struct ClassifierLexiconCommandTests {
    let f: ModerationCLIFixture
    let policy: String
    static let insult = "انت حقير يا هذا"

    init() throws {
        f = try ModerationCLIFixture()
        let words = f.directory.appendingPathComponent("words")
        try FileManager.default.createDirectory(at: words, withIntermediateDirectories: true)
        try "حقير\n".write(to: words.appendingPathComponent("insult.txt"), atomically: true, encoding: .utf8)
        policy = f.directory.appendingPathComponent("policy.yml").path
        try "word_lists:\n  - {name: insult-test, file: words/insult.txt, action: hold, weight: 5}\n"
            .write(toFile: policy, atomically: true, encoding: .utf8)
    }

    /// The features `lexicon:insult-test` and `lexicon:any` of a body that matches the list
    /// (`summary: false`: the list's own feature only).
    func listFeatures(_ body: String, summary: Bool = true) -> Set<UInt64> {
        let lists = [WordListSettings(name: "insult-test", file: "words/insult.txt", action: .hold, weight: 5,
                                      patterns: [WordPattern(text: "حقير", listID: 0)])]
        var options = FeatureExtractor.Options()
        options.lexiconSummary = summary
        let input = ClassifierInput(body: body)
        return Set(FeatureExtractor(options: options, lexicon: lists).features(of: input)).subtracting(FeatureExtractor().features(of: input))
    }

    @Test func aModeratorsLessonCarriesThePolicysListFeatures() async throws {
        let expected = listFeatures(Self.insult)
        #expect(expected.count == 2)
        let id = try await f.add(Self.insult)
        let result = await f.run(["spam", String(id), "--policy", policy])
        #expect(result.exitCode == 0, "\(result.message)")
        let lessons = try await f.database.classifierTrainingExamples()
        #expect(lessons.count == 1)
        #expect(Set(lessons[0].features).isSuperset(of: expected))

        // Under the shipped policy (no list of that name) the same text lacks the list's feature
        // (its own lists may still give it `lexicon:any`).
        let own = listFeatures(Self.insult, summary: false)
        #expect(own.count == 1)
        let other = try await f.add(Self.insult, email: "other@example.com")
        #expect(await f.run(["spam", String(other)]).exitCode == 0)
        let both = try await f.database.classifierTrainingExamples()
        #expect(both.count == 2)
        #expect(both.filter { Set($0.features).isDisjoint(with: own) }.count == 1)
    }

    @Test func trainSeedsWithThePolicysListFeatures() async throws {
        let file = f.directory.appendingPathComponent("labelled.csv").path
        try "text,label\n\(Self.insult),1\nشكرا على المقال,0\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = await f.run(["train", file, "--policy", policy])
        #expect(result.exitCode == 0, "\(result.message)")
        let lessons = try await f.database.classifierTrainingExamples()
        let expected = listFeatures(Self.insult)
        #expect(lessons.filter(\.spam).allSatisfy { Set($0.features).isSuperset(of: expected) })
        #expect(lessons.filter { !$0.spam }.allSatisfy { Set($0.features).isDisjoint(with: expected) })
        #expect(lessons.count == 2)
    }
}
