/// The policy's word lists as classifier features: for each list with an entry in the body,
/// `lexicon:<list>`, and `lexicon:<list>:2+` when two or more separate entries match; and, with
/// `summary`, `lexicon:any` when any list matches and `lexicon:any:2+` when two lists do or one
/// list twice. The summary lets a list the lessons rarely fired on (Arabizi, when the lessons
/// are in Arabic script) borrow the weight the others earned.
///
/// The lists were written for every dialect the site sees, while the model learns only from the
/// lessons it was given; as features, the lists carry that knowledge to text unlike the lessons
/// (another dialect, Arabizi), and the lessons say how much each kind of hit is worth. Matching
/// is the word-list rule's own (`WordMatcher`, same folding), so a feature fires exactly when
/// the rule would quote the body. Features are named by the list, not its entries: editing a
/// list keeps the lessons' features meaningful.
public struct ClassifierLexicon: Sendable {
    /// List names by list position (`WordPattern.listID`); nil for a list that does not scan the body.
    let names: [String?]
    let matcher: WordMatcher

    public init(lists: [WordListSettings], folding: TextFolding = TextFolding()) {
        names = lists.map { $0.fields.contains(.body) ? $0.name : nil }
        matcher = WordMatcher(patterns: lists.flatMap(\.patterns), folding: folding)
    }

    /// True when no list can ever fire (no lists, or none scans the body).
    public var isEmpty: Bool { names.allSatisfy { $0 == nil } || matcher.patterns.isEmpty }

    /// Per matching list (by position), how many separate entries matched (overlaps count once).
    func hits(in folded: FoldedText) -> [(list: Int, separate: Int)] {
        var spans: [Int: [Range<Int>]] = [:]
        for match in matcher.matches(in: folded) where names[match.pattern.listID] != nil {
            spans[match.pattern.listID, default: []].append(match.foldedRange)
        }
        return spans.keys.sorted().map { list in
            (list, WordListRule.separateCount(spans[list]!.map { (field: ScannedField.body, range: $0) }))
        }
    }

    /// The readable names of the features for these hits (also what is hashed).
    func featureNames(in folded: FoldedText, summary: Bool) -> [String] {
        var names: [String] = []
        let hits = hits(in: folded)
        for hit in hits {
            guard let name = self.names[hit.list] else { continue }
            names.append(name)
            if hit.separate >= 2 { names.append(name + ":2+") }
        }
        if summary, let first = hits.first {
            names.append("any")
            if hits.count >= 2 || first.separate >= 2 { names.append("any:2+") }
        }
        return names
    }
}
