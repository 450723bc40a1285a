/// Finds word-list entries in folded text, all entries in one pass.
///
/// Entries are folded with the matcher's `TextFolding` and compiled once into an Aho–Corasick
/// automaton, so matching a comment costs the same for ten entries as for ten thousand (plus the cost
/// of the matches themselves). Each occurrence is then checked against its entry's `MatchMode`:
/// word boundaries, Arabic clitic prefixes and suffixes (see `MatchMode` and `WordAffixes`).
///
/// Text must be folded with the same `TextFolding` as the matcher's (`folding`), or use
/// `matches(in:)` with a `String`.
public struct WordMatcher: Sendable {
    /// The entries, deduplicated, in the order given. Entries that fold to nothing are kept here
    /// but can never match.
    public let patterns: [WordPattern]
    /// The folding applied to entries, and expected of the text.
    public let folding: TextFolding
    private let keys: [MatcherKey]
    /// The collapsed-run offsets of all keys, each key owning a slice (`MatcherKey.collapsedStart`).
    private let collapsedOffsets: [Int32]
    private let automaton: AhoCorasickAutomaton
    private let boundaries: WordBoundaryRules
    /// Whether any entry is an exception (`WordPattern.isException`): only then is a first pass needed.
    private let hasExceptions: Bool

    /// How many double letters of one entry get stretched-variant keys (2ⁿ − 1 extra keys each).
    private static let maximumVariantDoubles = 3

    public init(patterns: [WordPattern], folding: TextFolding = TextFolding()) {
        let classes = folding.table.classes
        var seen: Set<WordPattern> = []
        let unique = patterns.filter { seen.insert($0).inserted }
        var keys: [MatcherKey] = []
        var keyScalars: [[Unicode.Scalar]] = []
        var collapsedOffsets: [Int32] = []
        let vocative = folding.fold("يا").scalars
        for (index, pattern) in unique.enumerated() {
            let folded = Self.trimmingSpaces(folding.fold(pattern.text))
            guard let first = folded.scalars.first, let last = folded.scalars.last else { continue }
            let suffixes: MatcherKey.Suffixes =
                pattern.mode != .word || folded.scalars.count < WordAffixes.minimumLengthForSuffixes ? .none
                : classes.isArabicLetter(last) ? .arabic
                : classes.isLatinLetter(last) ? .latin : .none
            for form in Self.writtenForms(of: folded, vocative: vocative) {
                for variant in Self.stretchedVariants(of: form.scalars, collapsed: form.collapsed) {
                    keyScalars.append(variant.scalars)
                    keys.append(MatcherKey(
                        patternIndex: Int32(index),
                        length: Int32(variant.scalars.count),
                        collapsedStart: Int32(collapsedOffsets.count),
                        collapsedCount: Int32(variant.collapsedOffsets.count),
                        needsStartBoundary: pattern.mode != .substring && classes.isWord(first),
                        allowsClitics: classes.isArabicLetter(first),
                        needsEndBoundary: pattern.mode == .word && classes.isWord(last),
                        suffixes: suffixes
                    ))
                    collapsedOffsets.append(contentsOf: variant.collapsedOffsets.map(Int32.init))
                }
            }
        }
        self.patterns = unique
        self.hasExceptions = unique.contains(where: \.isException)
        self.folding = folding
        self.keys = keys
        self.collapsedOffsets = collapsedOffsets
        self.automaton = AhoCorasickAutomaton(keys: keyScalars)
        self.boundaries = WordBoundaryRules(affixes: WordAffixes(folding: folding), classes: classes)
    }

    /// Every entry found in `folded`, each at its leftmost valid position, ordered by position.
    public func matches(in folded: FoldedText) -> [WordMatch] {
        var occurrences: [AhoCorasickAutomaton.Occurrence] = []
        automaton.collectOccurrences(in: folded.scalars, into: &occurrences)
        guard !occurrences.isEmpty else { return [] }
        let exceptions = hasExceptions ? exceptionSpans(occurrences, in: folded) : []
        var found: [Int32: Range<Int>] = [:]
        for occurrence in occurrences {
            let key = keys[Int(occurrence.key)]
            let end = Int(occurrence.end)
            let start = end - Int(key.length)
            // Most occurrences fail their boundary checks, which are cheaper than hashing: check first.
            guard accepts(key, start: start, end: end, in: folded) else { continue }
            if hasExceptions {
                let pattern = patterns[Int(key.patternIndex)]
                if pattern.isException || exceptions.contains(where: {
                    $0.listID == pattern.listID && $0.range.lowerBound <= start && end <= $0.range.upperBound
                }) { continue }
            }
            // Occurrences arrive by end offset; a stretched variant of the same entry can end later
            // yet start earlier, so only a strictly earlier start replaces a found match.
            if let earlier = found[key.patternIndex], earlier.lowerBound <= start { continue }
            found[key.patternIndex] = start ..< end
        }
        return found
            .sorted { ($0.value.lowerBound, $0.value.upperBound, $0.key) < ($1.value.lowerBound, $1.value.upperBound, $1.key) }
            .map { index, range in
                WordMatch(pattern: patterns[Int(index)], foldedRange: range,
                          originalRange: folded.originalRange(ofFolded: range))
            }
    }

    /// Folds `text` with `folding` and returns the entries found in it.
    public func matches(in text: String) -> [WordMatch] {
        matches(in: folding.fold(text))
    }

    /// Where exception entries matched, with their list: entries of that list inside are ignored.
    private func exceptionSpans(
        _ occurrences: [AhoCorasickAutomaton.Occurrence], in folded: FoldedText
    ) -> [(listID: Int, range: Range<Int>)] {
        var spans: [(listID: Int, range: Range<Int>)] = []
        for occurrence in occurrences {
            let key = keys[Int(occurrence.key)]
            let pattern = patterns[Int(key.patternIndex)]
            guard pattern.isException else { continue }
            let end = Int(occurrence.end)
            let start = end - Int(key.length)
            if accepts(key, start: start, end: end, in: folded) { spans.append((pattern.listID, start ..< end)) }
        }
        return spans
    }

    private func accepts(_ key: MatcherKey, start: Int, end: Int, in folded: FoldedText) -> Bool {
        let collapsed = Int(key.collapsedStart) ..< Int(key.collapsedStart + key.collapsedCount)
        for index in collapsed where !folded.isCollapsedRun(at: start + Int(collapsedOffsets[index])) {
            return false
        }
        if key.needsStartBoundary,
           !boundaries.startsWord(at: start, in: folded.scalars, allowingClitics: key.allowsClitics) {
            return false
        }
        if key.needsEndBoundary, !boundaries.endsWord(at: end, in: folded.scalars, suffixes: key.suffixes) {
            return false
        }
        return true
    }

    /// The entry's folded scalars without leading/trailing spaces, with its collapsed-run flags.
    private static func trimmingSpaces(_ folded: FoldedText) -> (scalars: [Unicode.Scalar], collapsed: [Bool]) {
        let scalars = folded.scalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return ([], []) }
        return (Array(scalars[first ... last]), (first ... last).map(folded.isCollapsedRun(at:)))
    }

    /// The entry as written, and for a vocative phrase ("يا كلب") also with the vocative attached
    /// ("ياكلب"), which comments write as often as the spaced form.
    static func writtenForms(
        of entry: (scalars: [Unicode.Scalar], collapsed: [Bool]), vocative: [Unicode.Scalar]
    ) -> [(scalars: [Unicode.Scalar], collapsed: [Bool])] {
        let space = vocative.count
        guard !vocative.isEmpty, entry.scalars.count > space + 1, entry.scalars.starts(with: vocative),
              entry.scalars[space] == " " else { return [entry] }
        var attached = entry
        attached.scalars.remove(at: space)
        if space < attached.collapsed.count { attached.collapsed.remove(at: space) }
        return [entry, attached]
    }

    /// The keys for one entry: the entry itself, plus one variant per non-empty subset of its (first
    /// three) double letters with that double written once, which then has to be a collapsed run in
    /// the text ("cool" → "col" matching "coooool", never the word "col").
    ///
    /// Letters that were themselves a collapsed run in the entry have to be one in the text as well:
    /// "xxx" folds to "x" and must not match a lone "x".
    static func stretchedVariants(
        of scalars: [Unicode.Scalar], collapsed: [Bool]
    ) -> [(scalars: [Unicode.Scalar], collapsedOffsets: [Int])] {
        var doubles: [Int] = []
        var index = 0
        while index + 1 < scalars.count, doubles.count < maximumVariantDoubles {
            if scalars[index] == scalars[index + 1], ScalarClass.shared.isLetter(scalars[index]) {
                doubles.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        var variants: [(scalars: [Unicode.Scalar], collapsedOffsets: [Int])] = []
        for mask in 0 ..< (1 << doubles.count) {
            let skipped = Set(doubles.indices.filter { mask & (1 << $0) != 0 }.map { doubles[$0] + 1 })
            var variant: [Unicode.Scalar] = []
            var offsets: [Int] = []
            for (position, scalar) in scalars.enumerated() {
                if skipped.contains(position) {
                    offsets.append(variant.count - 1)
                } else {
                    if position < collapsed.count, collapsed[position] { offsets.append(variant.count) }
                    variant.append(scalar)
                }
            }
            variants.append((variant, offsets))
        }
        return variants
    }
}
