import Testing
@testable import HakamCore

@Suite("Word matcher: English")
struct WordMatcherEnglishTests {
    static let cases: [MatcherCase] = [
        // Disguises are caught.
        .init("casino", "Best CASINO here", ["CASINO"], "capitals"),
        .init("casino", "best саsino here", ["саsino"], "Cyrillic look-alikes"),
        .init("casino", "best c4sino here", ["c4sino"], "leetspeak"),
        .init("casino", "best ｃａｓｉｎｏ here", ["ｃａｓｉｎｏ"], "fullwidth"),
        .init("casino", "best 𝐜𝐚𝐬𝐢𝐧𝐨 here", ["𝐜𝐚𝐬𝐢𝐧𝐨"], "mathematical bold"),
        .init("casino", "best ca\u{200B}sino here", ["ca\u{200B}sino"], "zero-width space"),
        .init("casino", "best c̷̢a̸s̵i̶n̴o here", ["c̷̢a̸s̵i̶n̴o"], "Zalgo"),
        .init("viagra", "cheap v1agra", ["v1agra"], "1 for i"),
        .init("viagra", "cheap VIAGRA!!!", ["VIAGRA"], "shouting"),
        .init("spam", "this is $pam", ["$pam"], "$ for s"),
        .init("spam", "spaaaaam", ["spaaaaam"], "stretched"),
        .init("cool", "so coooool", ["coooool"], "stretched double letter"),
        .init("cool", "col", [], "a stretched-double variant needs a stretched text"),
        .init("xxx", "xxxxx videos", ["xxxxx"], "an entry that is itself a run"),
        .init("xxx", "size x large", [], "a run entry does not match a single letter"),
        // Scunthorpe: innocent words containing an entry.
        .init("ass", "first class", [], "class"),
        .init("ass", "an assassin", [], "assassin"),
        .init("ass", "assess the damage", [], "assess"),
        .init("ass", "bass guitar", [], "bass"),
        .init("ass", "you ass", ["ass"], "the word itself"),
        .init("ass", "kick asses", ["ass"], "with an English suffix"),
        .init("*ass*", "first class", ["ass"], "substring mode"),
        .init("hell", "hello there", [], "hello"),
        .init("hell", "go to h3ll", ["h3ll"], "leet, whole word"),
        .init("spam", "antispam filter", [], "inside a compound"),
        .init("*spam*", "antispam filter", ["spam"], "substring mode"),
        // Suffixes and prefixes.
        .init("casino", "casinos near me", ["casino"], "plural s"),
        .init("scam", "scammed again", [], "doubled consonant before -ed is not a listed suffix"),
        .init("hack", "hacking tools", ["hack"], "-ing"),
        .init("casino*", "casinoonline", ["casino"], "prefix mode"),
        .init("casino*", "bestcasino", [], "prefix mode needs a word start"),
        // Phrases and punctuation.
        .init("free money", "get FREE   money now", ["FREE   money"], "phrase with a space run"),
        .init("free money", "free\nmoney", ["free\nmoney"], "phrase across a line break"),
        .init("bit.ly", "visit bit.ly/x", ["bit.ly"], "an entry with punctuation"),
        .init("bit.ly", "orbit.lyrics", [], "an entry with punctuation still needs word edges"),
        .init("*.ru*", "see site.ru/page", [".ru"], "substring entry that starts with punctuation"),
        // Several entries.
        .init("spam\nscam", "scam and spam", ["scam", "spam"], "in text order"),
        .init("spam", "spam spam spam", ["spam"], "one report per entry, leftmost"),
    ]

    @Test(arguments: cases)
    func matches(_ row: MatcherCase) throws {
        #expect(try row.matchedQuotes() == row.quotes)
    }

    @Test("a match carries its entry, list and both ranges")
    func matchDetails() throws {
        let patterns = [
            WordPattern(text: "casino", mode: .word, listID: 7),
            WordPattern(text: "كلب", mode: .word, listID: 9),
        ]
        let matcher = WordMatcher(patterns: patterns)
        let folded = matcher.folding.fold("Ｃasino والكَلْب")
        let matches = matcher.matches(in: folded)
        try #require(matches.count == 2)
        #expect(matches[0] == WordMatch(pattern: patterns[0], foldedRange: 0 ..< 6, originalRange: 0 ..< 6))
        #expect(matches[1].pattern.listID == 9)
        #expect(matches[1].foldedRange == 10 ..< 13)
        #expect(matches[1].originalRange == 10 ..< 15)
        #expect(folded.originalText(ofFolded: matches[1].foldedRange) == "كَلْب")
        #expect(matcher.matches(in: "Ｃasino والكَلْب") == matches)
    }

    @Test("duplicate entries are reported once; equal text in two lists twice")
    func duplicates() {
        let matcher = WordMatcher(patterns: [
            WordPattern(text: "spam", listID: 1),
            WordPattern(text: "spam", listID: 1),
            WordPattern(text: "SPAM", listID: 2),
        ])
        #expect(matcher.patterns.count == 2)
        #expect(matcher.matches(in: "spam").map(\.pattern.listID) == [1, 2])
    }

    @Test("an entry that folds to nothing never matches")
    func emptyEntry() {
        let matcher = WordMatcher(patterns: [WordPattern(text: "\u{064E}\u{0640}")])
        #expect(matcher.matches(in: "anything").isEmpty)
    }

    @Test("an empty text and an empty list match nothing")
    func empties() {
        #expect(WordMatcher(patterns: [WordPattern(text: "spam")]).matches(in: "").isEmpty)
        #expect(WordMatcher(patterns: []).matches(in: "spam").isEmpty)
    }
}
