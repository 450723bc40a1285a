/// Decides whether an occurrence of a key sits on word boundaries, allowing Arabic clitic prefixes
/// before it and suffixes after it (`WordAffixes`).
struct WordBoundaryRules: Sendable {
    let affixes: WordAffixes
    let classes: ScalarClass

    /// Whether a match starting at `start` begins a word, directly or after a clitic prefix that
    /// itself begins a word ("والكلب"), or after the attached vocative ("ياحقير").
    func startsWord(at start: Int, in scalars: [Unicode.Scalar], allowingClitics: Bool) -> Bool {
        if isBoundary(before: start, in: scalars) { return true }
        guard allowingClitics else { return false }
        if startsAfterWordStarting(with: affixes.vocatives, start, in: scalars) { return true }
        // Every clitic ends in و ف ب ل or ك: anything else before the match rules them all out.
        guard affixes.cliticFinals.contains(scalars[start - 1]) else { return false }
        return startsAfterWordStarting(with: affixes.cliticPrefixes, start, in: scalars)
    }

    /// Whether one of `prefixes` (clitics, or the attached vocative يا, يال), itself at a word
    /// start, sits right before `start`.
    private func startsAfterWordStarting(with prefixes: [[Unicode.Scalar]], _ start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        prefixes.contains { prefix in
            let prefixStart = start - prefix.count
            return prefixStart >= 0 && Self.matches(prefix, in: scalars, at: prefixStart) && isBoundary(before: prefixStart, in: scalars)
        }
    }

    /// Whether a match ending at `end` (exclusive) ends a word, directly or before one of the
    /// allowed suffixes that itself ends a word ("كلبها").
    func endsWord(at end: Int, in scalars: [Unicode.Scalar], suffixes: MatcherKey.Suffixes) -> Bool {
        if isBoundary(after: end, in: scalars) { return true }
        let groups: [WordAffixes.SuffixGroup]
        switch suffixes {
        case .none: return false
        case .arabic: groups = affixes.arabicSuffixes
        case .latin: groups = affixes.latinSuffixes
        }
        // Suffixes are grouped by their first scalar, so one comparison rules out most of them.
        guard let group = groups.first(where: { $0.first == scalars[end] }) else { return false }
        for suffix in group.suffixes {
            let suffixEnd = end + suffix.count
            if suffixEnd <= scalars.count, Self.matches(suffix, in: scalars, at: end),
               isBoundary(after: suffixEnd, in: scalars) {
                return true
            }
        }
        return false
    }

    /// No word character right before `offset`.
    private func isBoundary(before offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        offset == 0 || !classes.isWord(scalars[offset - 1])
    }

    /// No word character at `offset` (the exclusive end of a match).
    private func isBoundary(after offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        offset == scalars.count || !classes.isWord(scalars[offset])
    }

    /// Whether `affix` occurs in `scalars` at `offset` (which the caller has checked fits).
    private static func matches(_ affix: [Unicode.Scalar], in scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        for index in affix.indices where scalars[offset + index] != affix[index] { return false }
        return true
    }
}
