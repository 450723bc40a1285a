import Foundation
@testable import HakamCore
import Testing

/// Shape rules on ordinary Arabic comments: laughter and bidi marks are not spam signals.
@Suite("Shape rules on Arabic comments")
struct ArabicShapeTests {
    @Test(arguments: [
        ("هههههههههههههههه والله مقال حلو", false),
        ("خخخخخخخخخخخخ", false),
        ("hhhhhhhhhhhhhh mzyan", false),
        ("!!!!!!!!!!!!!!!! اشترك الآن", true),
        ("رائععععععععععععع", true),
    ])
    func laughterIsNotRepeatedCharacters(_ body: String, flagged: Bool) {
        let reasons = BodyShapeRule(weights: RuleWeights()).evaluate(makeComment(body: body))
        #expect(reasons.contains { $0.code == "shape.repeated_characters" } == flagged)
    }

    @Test(arguments: [
        ("رد على \u{2066}@USER\u{2069} شكرا", false),          // Twitter isolates a handle in RTL text
        ("سعر الدولار\u{200E} 3.75 \u{200F}ريال", false),      // direction marks around numbers
        ("\u{202B}مقال جيد\u{202C}", false),                   // an embedding from the keyboard
        ("تحياتي 👨\u{200D}👩\u{200D}👧", false),                // ZWJ inside an emoji
        ("مرحبا \u{202E}txt.exe", true),                       // an override still counts
        ("كلمة\u{200D}سر", true),                              // ZWJ splitting a word still counts
        ("hello\u{200E}world", true),                          // a mark in Latin text still counts
    ])
    func bidiMarksInArabicTextAreOrdinary(_ body: String, flagged: Bool) {
        #expect(!InvisibleCharacterRule(weight: 3).evaluate(makeComment(body: body)).isEmpty == flagged)
    }
}
