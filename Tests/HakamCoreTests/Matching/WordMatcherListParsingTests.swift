import Testing
@testable import HakamCore

@Suite("Word matcher: list file syntax")
struct WordMatcherListParsingTests {
    @Test("entries, modes, comments, blank lines")
    func parsesEntries() throws {
        let list = """
        # Spam phrases — starter list
        casino
          casino*  
        *bonus*

        free money   # phrase
        كلب # trailing comment in Arabic
        """
        let patterns = try WordMatcher.parseList(list, listID: 4)
        #expect(patterns == [
            WordPattern(text: "casino", mode: .word, listID: 4),
            WordPattern(text: "casino", mode: .prefix, listID: 4),
            WordPattern(text: "bonus", mode: .substring, listID: 4),
            WordPattern(text: "free money", mode: .word, listID: 4),
            WordPattern(text: "كلب", mode: .word, listID: 4),
        ])
    }

    @Test("escapes make #, * and \\ literal")
    func escapes() throws {
        let list = ##"""
        \#hashtag
        a\*b
        c\\d
        wow\*
        """##
        let patterns = try WordMatcher.parseList(list, listID: 0)
        #expect(patterns.map(\.text) == ["#hashtag", "a*b", "c\\d", "wow*"])
        #expect(patterns.map(\.mode) == [.word, .word, .word, .word])
    }

    @Test("a leading ! makes an exception; \\! is a literal !")
    func exceptions() throws {
        let patterns = try WordMatcher.parseList("!فخرا\n! pride # spaced\n\\!bang\nwow!", listID: 2)
        #expect(patterns == [
            WordPattern(text: "فخرا", mode: .word, listID: 2, isException: true),
            WordPattern(text: "pride", mode: .word, listID: 2, isException: true),
            WordPattern(text: "!bang", mode: .word, listID: 2),
            WordPattern(text: "wow!", mode: .word, listID: 2),
        ])
        #expect(throws: WordListError(line: 1, reason: .emptyEntry)) { try WordMatcher.parseList("!", listID: 0) }
    }

    @Test("a # inside a word is part of the entry")
    func hashInsideWord() throws {
        #expect(try WordMatcher.parseList("c#sharp", listID: 0).map(\.text) == ["c#sharp"])
    }

    @Test("CRLF line ends and a byte-order mark")
    func lineEnds() throws {
        let patterns = try WordMatcher.parseList("\u{FEFF}spam\r\nscam*\r\n", listID: 0)
        #expect(patterns.map(\.text) == ["spam", "scam"])
        #expect(patterns.map(\.mode) == [.word, .prefix])
    }

    struct BadLine: Sendable, CustomTestStringConvertible {
        let list: String
        let error: WordListError
        var testDescription: String { "\(list.debugDescription) → \(error)" }
    }

    static let badLines: [BadLine] = [
        .init(list: "ok\n*", error: .init(line: 2, reason: .emptyEntry)),
        .init(list: "ok\n\n**", error: .init(line: 3, reason: .emptyEntry)),
        .init(list: "*casino", error: .init(line: 1, reason: .leadingStarOnly)),
        .init(list: "ca*sino", error: .init(line: 1, reason: .innerStar)),
        .init(list: "# only harakat below\n\u{064E}\u{064F}", error: .init(line: 2, reason: .nothingToMatch)),
        .init(list: "spam\r\nok\r\n\u{0640}\u{0640}*", error: .init(line: 3, reason: .nothingToMatch)),
    ]

    @Test(arguments: badLines)
    func refusesBadLines(_ row: BadLine) {
        #expect(throws: row.error) { try WordMatcher.parseList(row.list, listID: 0) }
    }

    @Test("errors describe the line")
    func errorDescription() {
        #expect(WordListError(line: 12, reason: .innerStar).description.hasPrefix("line 12: "))
    }
}
