import Testing
@testable import HakamCore

/// One row of a matcher table: a word list (in list syntax), a text, and the quotes of the original
/// text that must be reported, in order (empty: nothing may match).
struct MatcherCase: Sendable, CustomTestStringConvertible {
    let list: String
    let text: String
    let quotes: [String]
    let note: String

    init(_ list: String, _ text: String, _ quotes: [String], _ note: String) {
        self.list = list
        self.text = text
        self.quotes = quotes
        self.note = note
    }

    var testDescription: String { "\(note): [\(list)] in \(text.debugDescription)" }

    /// The quotes the matcher reports for this row.
    func matchedQuotes() throws -> [String] {
        let matcher = WordMatcher(patterns: try WordMatcher.parseList(list, listID: 1))
        let folded = matcher.folding.fold(text)
        return matcher.matches(in: folded).map { folded.originalText(ofFolded: $0.foldedRange) }
    }
}
