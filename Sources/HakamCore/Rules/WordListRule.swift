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
        // Per list, the spans of its matches (field, folded range), to count separate insults.
        var spans: [Int: [(field: ScannedField, range: Range<Int>)]] = [:]
        let fields: [(ScannedField, String?)] = [
            (.name, comment.name), (.email, comment.email.localPart + "@" + comment.email.domain), (.url, comment.url), (.body, comment.body),
        ]
        for case let (field, text?) in fields {
            let folded = field == .body ? matcher.folding.fold(text, reusing: comment.foldedBody) : matcher.folding.fold(text)
            for match in matcher.matches(in: folded) {
                let listID = match.pattern.listID
                let list = lists[listID]
                guard list.fields.contains(field) else { continue }
                if list.repeatWeight != 0 { spans[listID, default: []].append((field, match.foldedRange)) }
                guard !reported.contains(listID) else { continue }
                reported.insert(listID)
                reasons.append(Reason(
                    code: "word.\(list.name)", weight: list.weight, field: field.rawValue,
                    quote: Self.quote(folded.original, scalarRange: match.originalRange), minimumAction: list.action,
                    detail: "matched \"\(match.pattern.text)\" (\(match.pattern.mode.rawValue))"))
            }
        }
        for (listID, found) in spans.sorted(by: { $0.key < $1.key }) {
            let separate = Self.separateCount(found)
            guard separate >= 2 else { continue }
            reasons.append(Reason(
                code: "word.\(lists[listID].name).repeated", weight: lists[listID].repeatWeight,
                detail: "\(separate) separate matches"))
        }
        return reasons
    }

    /// How many of the spans do not overlap one another ("ولد القحبة" holds "قحبة": one insult).
    static func separateCount(_ spans: [(field: ScannedField, range: Range<Int>)]) -> Int {
        var count = 0
        for field in ScannedField.allCases {
            var end = Int.min
            for range in spans.filter({ $0.field == field }).map(\.range).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if range.lowerBound >= end { count += 1; end = range.upperBound } else { end = max(end, range.upperBound) }
            }
        }
        return count
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
