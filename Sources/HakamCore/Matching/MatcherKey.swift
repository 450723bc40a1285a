/// One string in the automaton and what an occurrence of it needs to count as a match: the entry it
/// stands for and the boundary rules of that entry's mode. A plain value (no arrays inside), since
/// one is read for every occurrence the automaton reports.
struct MatcherKey: Sendable {
    /// Which affixes may follow a word-mode key in place of a word boundary.
    enum Suffixes: UInt8, Sendable {
        case none, arabic, latin
    }

    /// Index into `WordMatcher.patterns`.
    let patternIndex: Int32
    /// Length in folded scalars.
    let length: Int32
    /// Where this key's collapsed-run offsets are in `WordMatcher`'s offset pool: offsets in the key
    /// whose letter must be a collapsed run in the text (see `WordMatcher.stretchedVariants`).
    let collapsedStart: Int32
    let collapsedCount: Int32
    /// The match must start at a word boundary (prefix and word modes, when the key starts with a
    /// word character: an entry such as ".xyz" may start anywhere).
    let needsStartBoundary: Bool
    /// Arabic clitic prefixes may stand in for the start boundary (the key starts with an Arabic letter).
    let allowsClitics: Bool
    /// The match must end at a word boundary (word mode, when the key ends with a word character).
    let needsEndBoundary: Bool
    let suffixes: Suffixes
}
