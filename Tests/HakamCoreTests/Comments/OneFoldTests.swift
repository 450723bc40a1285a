import Foundation
@testable import HakamCore
import Testing

/// A submission's body is folded once (`ValidatedSubmission.foldedBody`) and shared by the word
/// lists, the classifier's features and the duplicate digest: each must get exactly what its own
/// fold of the body would give, and a fold made with other options or of another text is never
/// taken for theirs.
@Suite("one fold per submission")
struct OneFoldTests {
    static let trickyBodies = [
        "مَقَالٌ  رائــــع\u{200B} جداً!",  // harakat, tatweel, a zero-width space
        "ﷺ ﷽ and the ﬁnal ligature",  // ligatures that expand to many scalars
        "V1AGRA and саsino with Cyrillic letters",  // leetspeak, look-alikes
        "spaaaaaam!!! noooooo",  // collapsed runs
        "𝐛𝐨𝐥𝐝 ＦＵＬＬＷＩＤＴＨ ١٢٣ ۴۵۶",  // mathematical bold, fullwidth, Arabic-Indic digits
        "\u{202E}reversed\u{202C} \u{FEFF}mark ة",  // bidi controls, a BOM, teh marbuta
        "   \n\t ",  // separators only
    ]

    @Test(arguments: trickyBodies)
    func everyConsumerGetsWhatItsOwnFoldWouldGive(_ body: String) {
        let comment = makeComment(body: body)
        #expect(comment.foldedBody.scalars == TextFolding().fold(body).scalars)
        #expect(BodyDigest.folded(body, reusing: comment.foldedBody) == BodyDigest.folded(body))
        let extractor = FeatureExtractor()
        let shared = extractor.features(of: ClassifierInput(comment))
        let ownFold = extractor.features(of: ClassifierInput(name: comment.name, url: comment.url, body: body))
        #expect(shared == ownFold)
        #expect(!shared.isEmpty)
    }

    @Test func theWordListsMatchDisguisedWordsThroughTheSharedFold() throws {
        let lists = [
            WordListSettings(name: "spam", file: "s.txt", action: .hold, weight: 6, patterns: try WordMatcher.parseList("casino*\nviagra\nكازينو", listID: 0)),
        ]
        let rule = WordListRule(lists: lists)
        for body in ["V1AGRA and саsino", "أفضل الكـــازِينو هنا", "ＣＡＳＩＮＯ tonight"] {
            let reasons = rule.evaluate(makeComment(body: body))
            #expect(reasons.map(\.code) == ["word.spam"], "\(body)")
            #expect(reasons.first?.field == "body")
            // The quote is the real text, taken through the shared fold's map back to the body.
            let quote = try #require(reasons.first?.quote)
            #expect(body.contains(quote), "\(quote) is not in \(body)")
        }
    }

    @Test func aFoldIsReusedOnlyForTheSameTextAndOptions() {
        let text = "C4SINO مدرسة"
        let folded = TextFolding().fold(text)
        #expect(TextFolding().fold(text, reusing: folded).scalars == folded.scalars)
        // Other options: the other folding's own result, not the shared one.
        var keepTehMarbuta = TextFolding.Options()
        keepTehMarbuta.foldTehMarbuta = false
        let other = TextFolding(options: keepTehMarbuta)
        #expect(other.fold(text, reusing: folded).scalars == other.fold(text).scalars)
        #expect(other.fold(text, reusing: folded).scalars != folded.scalars)
        // Another text: folded afresh.
        #expect(TextFolding().fold("casino", reusing: folded).scalars == TextFolding().fold("casino").scalars)
        #expect(BodyDigest.folded("casino", reusing: folded) == BodyDigest.folded("casino"))
        // A canonically equal text with other scalars: its own fold, whose map fits its scalars.
        let precomposed = TextFolding().fold("caf\u{E9}")
        #expect(TextFolding().fold("cafe\u{301}", reusing: precomposed).original.unicodeScalars.count == 5)
    }
}
