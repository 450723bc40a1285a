/// A word-list line that cannot be used, with its 1-based line number (the policy loader adds the
/// file name).
public struct WordListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a line was refused.
    public enum Reason: Sendable, Equatable {
        /// Nothing is left of the entry once the `*` markers are taken off.
        case emptyEntry
        /// The entry folds to nothing (only diacritics, tatweel or invisible characters).
        case nothingToMatch
        /// `*word` — the list syntax has no suffix mode; write `*word*` for substring mode.
        case leadingStarOnly
        /// A `*` inside the entry: lists are not wildcard patterns.
        case innerStar
    }

    public let line: Int
    public let reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let detail = switch reason {
        case .emptyEntry: "empty entry"
        case .nothingToMatch: "entry has no letters or digits to match"
        case .leadingStarOnly: "'*word' is not supported; write 'word*' (prefix) or '*word*' (substring)"
        case .innerStar: "'*' is only allowed at the start and end of an entry (escape it as '\\*')"
        }
        return "line \(line): \(detail)"
    }
}
