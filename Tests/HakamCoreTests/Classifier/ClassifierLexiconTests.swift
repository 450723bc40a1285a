@testable import HakamCore
import Testing

@Suite("the policy's word lists as classifier features")
struct ClassifierLexiconTests {
    static let lists = [
        WordListSettings(name: "abuse-ar-insult", file: "insult.txt", action: .hold, weight: 5, fields: [.name, .body],
                         patterns: [WordPattern(text: "حقير", listID: 0), WordPattern(text: "تافه", listID: 0)]),
        WordListSettings(name: "abuse-ar-curse", file: "curse.txt", action: .hold, weight: 5, fields: [.name, .body],
                         patterns: [WordPattern(text: "الله يلعنك", listID: 1)]),
        // Scans the name only: never a body feature.
        WordListSettings(name: "names-only", file: "names.txt", action: nil, weight: 1, fields: [.name],
                         patterns: [WordPattern(text: "مقال", listID: 2)]),
    ]
    let extractor = FeatureExtractor(lexicon: Self.lists)

    func lexiconNames(_ body: String) -> [String] {
        let input = ClassifierInput(body: body)
        return extractor.describe(input, features: Set(extractor.features(of: input))).values
            .filter { $0.hasPrefix("lexicon:") }.sorted()
    }

    @Test func aMatchingCommentGetsOneFeaturePerListAndTheSummary() {
        // Clitics and folding as the rule matches them: والحقير, a stretched تاااافه.
        #expect(lexiconNames("انت والحقير صاحبك") == ["lexicon:abuse-ar-insult", "lexicon:any"])
        #expect(lexiconNames("الله يلعنك يا حقير") == ["lexicon:abuse-ar-curse", "lexicon:abuse-ar-insult", "lexicon:any", "lexicon:any:2+"])
    }

    @Test func twoSeparateEntriesOfOneListAddTheRepeatFeature() {
        #expect(lexiconNames("حقير و تافه") == ["lexicon:abuse-ar-insult", "lexicon:abuse-ar-insult:2+", "lexicon:any", "lexicon:any:2+"])
        // The same entry twice is one entry matched: no repeat.
        #expect(lexiconNames("حقير حقير") == ["lexicon:abuse-ar-insult", "lexicon:any"])
    }

    @Test func aCleanCommentGetsNoneAndTheSameFeaturesAsWithoutLists() {
        let clean = ClassifierInput(body: "شكرا على المقال، تحليل ممتاز")
        #expect(lexiconNames(clean.body).isEmpty)
        #expect(extractor.features(of: clean) == FeatureExtractor().features(of: clean))
    }

    @Test func theFeaturesCanBeTurnedOffAndNeedLists() {
        var options = FeatureExtractor.Options()
        options.lexicon = false
        let off = FeatureExtractor(options: options, lexicon: Self.lists)
        let insult = ClassifierInput(body: "يا حقير")
        #expect(off.lexicon == nil)
        #expect(off.features(of: insult) == FeatureExtractor().features(of: insult))
        #expect(FeatureExtractor(lexicon: []).lexicon == nil)
        #expect(extractor.features(of: insult).count == FeatureExtractor().features(of: insult).count + 2)
        options = FeatureExtractor.Options()
        options.lexiconSummary = false
        let perList = FeatureExtractor(options: options, lexicon: Self.lists)
        #expect(perList.features(of: insult).count == FeatureExtractor().features(of: insult).count + 1)
    }

    @Test func copiesRepeatEachListFeatureUnderDistinctHashes() {
        var options = FeatureExtractor.Options()
        options.lexiconCopies = 3
        let copies = FeatureExtractor(options: options, lexicon: Self.lists)
        let insult = ClassifierInput(body: "يا حقير")
        let plain = FeatureExtractor().features(of: insult)
        let features = copies.features(of: insult)
        #expect(features.count == plain.count + 6)  // (abuse-ar-insult, any) × 3
        let names = copies.describe(insult, features: Set(features)).values.filter { $0.hasPrefix("lexicon:") }.sorted()
        #expect(names == ["lexicon:abuse-ar-insult", "lexicon:abuse-ar-insult#1", "lexicon:abuse-ar-insult#2",
                          "lexicon:any", "lexicon:any#1", "lexicon:any#2"])
        #expect(Set(features).isSuperset(of: extractor.features(of: insult)))
        let clean = ClassifierInput(body: "شكرا على المقال")
        #expect(copies.features(of: clean) == FeatureExtractor().features(of: clean))
    }

    @Test func theFeatureIsNamedByTheListSoItSurvivesAnEditOfTheList() {
        var edited = Self.lists
        edited[0].patterns = [WordPattern(text: "سافل", listID: 0)]
        let after = FeatureExtractor(lexicon: edited)
        let before = Set(extractor.features(of: ClassifierInput(body: "يا حقير")))
        let now = Set(after.features(of: ClassifierInput(body: "يا سافل")))
        let lexiconBefore = before.subtracting(FeatureExtractor().features(of: ClassifierInput(body: "يا حقير")))
        #expect(lexiconBefore.count == 2)
        #expect(now.isSuperset(of: lexiconBefore))
    }

    @Test func theModelCarriesWhatItLearnedOfAListToAnEntryItNeverSaw() {
        // Abuse in the lessons uses حقير only; the test comment uses تافه, an entry of the same
        // list that no lesson contains.
        let abuse = (0..<20).map { ClassifierInput(body: "انت حقير يا رجل \($0)") }
        let clean = (0..<20).map { ClassifierInput(body: "شكرا على المقال يا رجل \($0)") }
        let unseen = ClassifierInput(body: "كلام تافه")
        func score(_ extractor: FeatureExtractor) -> Double {
            let training = abuse.map { (features: extractor.features(of: $0), spam: true) }
                + clean.map { (features: extractor.features(of: $0), spam: false) }
            return ClassifierKind.nbLogistic.scores(training: training, test: [extractor.features(of: unseen)], alpha: 0.5)[0]
        }
        let withLists = score(extractor)
        let without = score(FeatureExtractor())
        #expect(withLists > without + 1)
        #expect(withLists > 0)
    }

    @Test func aSnapshotBuiltForTheStoreClassifiesWithItsLists() {
        var counts = ClassifierCounts()
        counts.apply([1], label: .spam)
        let snapshot = ClassifierSnapshot.build(counts: counts, examples: [], choice: ClassifierChoice(), alpha: 0.5, generation: 1, extractor: extractor)
        #expect(snapshot.extractor.lexicon != nil)
    }
}
