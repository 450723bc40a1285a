/// Where a word-list entry matched.
public struct WordMatch: Sendable, Equatable {
    /// The entry that matched.
    public let pattern: WordPattern
    /// The matched scalars in the folded text (`FoldedText.scalars`). Clitic prefixes and suffixes
    /// around a word-mode match are not included: "والكلب" matched by "كلب" covers "كلب".
    public let foldedRange: Range<Int>
    /// The same span as scalar offsets into the original text (`FoldedText.original.unicodeScalars`),
    /// including any harakat, tatweel or invisible characters inside it; use
    /// `FoldedText.originalText(ofFolded:)` with `foldedRange` to quote it.
    public let originalRange: Range<Int>

    public init(pattern: WordPattern, foldedRange: Range<Int>, originalRange: Range<Int>) {
        self.pattern = pattern
        self.foldedRange = foldedRange
        self.originalRange = originalRange
    }
}
