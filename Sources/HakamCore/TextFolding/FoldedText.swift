/// A text in its matching form (see `TextFolding`), with a map back to the original text.
///
/// Offsets on both sides count Unicode scalars: folded offsets index `scalars`, original offsets index
/// `original.unicodeScalars`. Each folded scalar knows the span of original scalars it came from;
/// dropped characters (harakat, tatweel, zero-width joiners) inside a folded span are part of that
/// span, so quoting a match gives exactly what the commenter typed.
public struct FoldedText: Sendable {
    /// The text as written. Never modified.
    public let original: String
    /// The matching form, one element per folded scalar. This is what `WordMatcher` scans.
    public let scalars: [Unicode.Scalar]
    /// For folded scalar `i`, the original scalars it came from are `originStarts[i] ..< originEnds[i]`.
    let originStarts: [Int32]
    let originEnds: [Int32]
    /// Where folded letters stand for collapsed runs of 3+ identical letters (empty: none).
    let collapsedRuns: [Bool]
    /// The switches of the folding that made this text: a fold is reused only by a folding with
    /// the same ones (`TextFolding.fold(_:reusing:)`).
    public let options: TextFolding.Options

    init(
        original: String, scalars: [Unicode.Scalar], originStarts: [Int32], originEnds: [Int32], collapsedRuns: [Bool],
        options: TextFolding.Options
    ) {
        self.original = original
        self.options = options
        self.scalars = scalars
        self.originStarts = originStarts
        self.originEnds = originEnds
        self.collapsedRuns = collapsedRuns
    }

    /// The matching form as a `String` (built on each call; the matcher itself uses `scalars`).
    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The number of folded scalars.
    public var count: Int { scalars.count }

    /// The original scalar offsets that the folded scalars in `range` came from.
    ///
    /// An empty `range` maps to an empty range at the corresponding original position. Ranges are
    /// clamped to the folded text.
    public func originalRange(ofFolded range: Range<Int>) -> Range<Int> {
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        guard lower < upper else {
            let position = lower < scalars.count
                ? Int(originStarts[lower])
                : (scalars.isEmpty ? original.unicodeScalars.count : Int(originEnds[scalars.count - 1]))
            return position ..< position
        }
        return Int(originStarts[lower]) ..< Int(originEnds[upper - 1])
    }

    /// The original text that the folded scalars in `range` came from, for quoting in a reason.
    public func originalText(ofFolded range: Range<Int>) -> String {
        let scalarRange = originalRange(ofFolded: range)
        let view = original.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: scalarRange.lowerBound)
        let end = view.index(start, offsetBy: scalarRange.count)
        return String(view[start ..< end])
    }

    /// Whether the folded letter at `index` stands for a run of three or more identical letters.
    func isCollapsedRun(at index: Int) -> Bool {
        index < collapsedRuns.count && collapsedRuns[index]
    }
}
