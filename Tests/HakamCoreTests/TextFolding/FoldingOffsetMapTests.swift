import Testing
@testable import HakamCore

@Suite("Text folding: offset map back to the original")
struct FoldingOffsetMapTests {
    /// The folded range of the first occurrence of `word` (already in matching form).
    private func foldedRange(of word: String, in folded: FoldedText) throws -> Range<Int> {
        let needle = Array(word.unicodeScalars)
        let start = try #require(folded.scalars.indices.first { start in
            start + needle.count <= folded.scalars.count
                && folded.scalars[start ..< start + needle.count].elementsEqual(needle)
        })
        return start ..< start + needle.count
    }

    @Test("a word after tatweel and harakat quotes exactly as written")
    func quotesArabicWord() throws {
        let original = "مـــرحـــبا يا صَديقي"
        let folded = TextFolding().fold(original)
        #expect(folded.text == "مرحبا يا صديقي")
        let range = try foldedRange(of: "صديقي", in: folded)
        #expect(folded.originalText(ofFolded: range) == "صَديقي")
        #expect(folded.originalRange(ofFolded: range) == 15 ..< 21)
        let greeting = try foldedRange(of: "مرحبا", in: folded)
        #expect(folded.originalText(ofFolded: greeting) == "مـــرحـــبا")
    }

    @Test("a final haraka stays with its letter")
    func finalMarkAttaches() throws {
        let folded = TextFolding().fold("قال صديقيَ")
        let range = try foldedRange(of: "صديقي", in: folded)
        #expect(folded.originalText(ofFolded: range) == "صديقيَ")
    }

    @Test("a combining accent after the last letter is quoted with it")
    func combiningAccentAttaches() throws {
        let folded = TextFolding().fold("le cafe\u{0301} noir")
        let range = try foldedRange(of: "cafe", in: folded)
        #expect(folded.originalText(ofFolded: range) == "cafe\u{0301}")
    }

    @Test("a bidi control after a word is not part of its quote")
    func trailingBidiControlIsNotQuoted() throws {
        let folded = TextFolding().fold("spam\u{202E} now")
        let range = try foldedRange(of: "spam", in: folded)
        #expect(folded.originalText(ofFolded: range) == "spam")
    }

    @Test("zero-width characters inside a word are quoted")
    func interiorInvisiblesAreQuoted() throws {
        let original = "هذا ك\u{200B}ل\u{200D}ب"
        let folded = TextFolding().fold(original)
        let range = try foldedRange(of: "كلب", in: folded)
        #expect(folded.originalText(ofFolded: range) == "ك\u{200B}ل\u{200D}ب")
    }

    @Test("a collapsed run maps back to the whole run")
    func collapsedRun() throws {
        let folded = TextFolding().fold("so spaaaam")
        let range = try foldedRange(of: "spam", in: folded)
        #expect(folded.originalText(ofFolded: range) == "spaaaam")
        #expect(folded.originalRange(ofFolded: 5 ..< 6) == 5 ..< 9)
    }

    @Test("Zalgo marks belong to their letters")
    func zalgo() throws {
        let original = "c̷̢a̸s̵i̶n̴o̵!"
        let folded = TextFolding().fold(original)
        let range = try foldedRange(of: "casino", in: folded)
        #expect(folded.originalText(ofFolded: range) == "c̷̢a̸s̵i̶n̴o̵")
    }

    @Test("every scalar of an expansion maps to the one original scalar")
    func expansion() {
        let folded = TextFolding().fold("بسم ﷲ")
        #expect(folded.text == "بسم الله")
        #expect(folded.originalRange(ofFolded: 4 ..< 8) == 4 ..< 5)
        #expect(folded.originalRange(ofFolded: 5 ..< 6) == 4 ..< 5)
        #expect(folded.originalText(ofFolded: 4 ..< 8) == "ﷲ")
    }

    @Test("offsets count scalars, so emoji before a word don't shift it")
    func emojiOffsets() throws {
        let folded = TextFolding().fold("😀👍🏽 كلب")
        let range = try foldedRange(of: "كلب", in: folded)
        #expect(folded.originalRange(ofFolded: range) == 4 ..< 7)
        #expect(folded.originalText(ofFolded: range) == "كلب")
    }

    @Test("a collapsed whitespace run maps to all of it")
    func whitespaceRun() {
        let folded = TextFolding().fold("a   b")
        #expect(folded.text == "a b")
        #expect(folded.originalRange(ofFolded: 1 ..< 2) == 1 ..< 4)
    }

    @Test("empty and out-of-range folded ranges map to empty original ranges")
    func emptyRanges() {
        let folded = TextFolding().fold("مَرْحَبًا")
        #expect(folded.originalRange(ofFolded: 0 ..< 0) == 0 ..< 0)
        #expect(folded.originalRange(ofFolded: 5 ..< 5) == 9 ..< 9)
        #expect(folded.originalRange(ofFolded: 3 ..< 99) == folded.originalRange(ofFolded: 3 ..< 5))
        #expect(TextFolding().fold("").originalRange(ofFolded: 0 ..< 0) == 0 ..< 0)
    }

    @Test("the original is kept unchanged")
    func originalIsKept() {
        let original = "ﻣَﺮْﺣَﺒًﺎ\u{202E}"
        #expect(TextFolding().fold(original).original == original)
    }
}
