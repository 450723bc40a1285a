/// Matches every word list of the policy over name, email, url and body with one automaton
/// (built once per policy load), and explains each hit with the quoted span of the real text.
public struct WordListRule: Rule {
    public let lists: [WordListSettings]
    private let matcher: WordMatcher

    public init(lists: [WordListSettings], folding: TextFolding = TextFolding()) {
        self.lists = lists
        self.matcher = WordMatcher(patterns: lists.flatMap(\.patterns), folding: folding)
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard !lists.isEmpty else { return [] }
        var reported = Set<Int>()
        var reasons: [Reason] = []
        let fields: [(ScannedField, String?)] = [
            (.name, comment.name), (.email, comment.email.localPart + "@" + comment.email.domain), (.url, comment.url), (.body, comment.body),
        ]
        for case let (field, text?) in fields {
            let folded = matcher.folding.fold(text)
            for match in matcher.matches(in: folded) {
                let listID = match.pattern.listID
                let list = lists[listID]
                guard list.fields.contains(field), !reported.contains(listID) else { continue }
                reported.insert(listID)
                reasons.append(Reason(
                    code: "word.\(list.name)", weight: list.weight, field: field.rawValue,
                    quote: Self.quote(folded.original, scalarRange: match.originalRange), minimumAction: list.action,
                    detail: "matched \"\(match.pattern.text)\" (\(match.pattern.mode.rawValue))"))
            }
        }
        return reasons
    }

    /// The original text of a scalar range, at most 80 characters.
    static func quote(_ text: String, scalarRange: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        guard scalarRange.lowerBound >= 0, scalarRange.upperBound <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: scalarRange.lowerBound)
        let end = scalars.index(start, offsetBy: scalarRange.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(String(view).prefix(80))
    }
}
