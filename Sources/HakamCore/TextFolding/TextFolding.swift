/// Turns any text into its *matching form* (DESIGN.md §4): the form word lists are compared against.
///
/// The matching form is deliberately lossy — it forgets everything a person reading the comment would
/// not notice or would read as the same word: compatibility variants (fullwidth, mathematical bold,
/// presentation forms, ligatures), diacritics and harakat, tatweel, invisible and bidi characters,
/// letter case, alef/yeh/heh variants, Persian/Urdu look-alikes, Cyrillic/Greek look-alikes,
/// leetspeak and stretched letters. Word-list entries are folded with the same `TextFolding`, so
/// whatever the folding forgets on one side it forgets on the other.
///
/// The stored comment is never changed: `fold(_:)` returns a `FoldedText` that keeps a map from every
/// folded scalar back to the original scalars, so a verdict can quote the real text it matched.
///
/// Steps, in order:
/// 1. Per scalar (context-free, precomputed in a `ScalarFoldTable`): compatibility decomposition,
///    dropping marks and invisible characters, Arabic and look-alike folding, digits to ASCII,
///    lower-casing, and whitespace runs to a single U+0020. See `ScalarFoldRules` for the details.
/// 2. Leetspeak, only inside tokens that contain a Latin letter (`LeetspeakPass`).
/// 3. Runs of three or more identical letters collapse to one letter (`RepeatCollapsePass`).
public struct TextFolding: Sendable {
    /// The switches this folding was made with.
    public let options: Options
    /// The per-scalar table for these options; shared by every `TextFolding` with the same options.
    let table: ScalarFoldTable

    /// Creates a folding. The per-scalar table behind it is built once per process and options
    /// (on first use) and shared afterwards, so making a `TextFolding` is cheap.
    public init(options: Options = .init()) {
        self.options = options
        self.table = ScalarFoldTable.shared(
            foldTehMarbuta: options.foldTehMarbuta,
            foldConfusables: options.foldConfusables
        )
    }

    /// Folds `text` into its matching form, keeping the offset map back to `text`.
    public func fold(_ text: String) -> FoldedText {
        // Every scalar takes at least one UTF-8 byte and most fold to at most one scalar, so this
        // capacity nearly always fits; only expansions (ligatures such as "ﷺ") can need the retry.
        var capacity = text.utf8.count
        while true {
            if let folded = fold(text, capacity: capacity) { return folded }
            capacity = max(capacity * 2, text.utf8.count * table.maximumExpansionPerByte)
        }
    }

    /// `folded` when it is `text` folded with these options — a submission's body is folded once
    /// and shared by the word lists, the classifier and the duplicate digest — else `fold(text)`.
    public func fold(_ text: String, reusing folded: FoldedText?) -> FoldedText {
        if let folded, folded.options == options, folded.original.utf8.elementsEqual(text.utf8) { return folded }
        return fold(text)
    }

    /// Folds into arrays of `capacity` elements, or returns `nil` if they were too small.
    private func fold(_ text: String, capacity: Int) -> FoldedText? {
        var count = 0
        var overflowed = false
        var collapsedRuns: [Bool] = []
        var originStarts: [Int32] = []
        var originEnds: [Int32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalarStorage, scalarCount in
            originStarts = [Int32](unsafeUninitializedCapacity: capacity) { startStorage, startCount in
                originEnds = [Int32](unsafeUninitializedCapacity: capacity) { endStorage, endCount in
                    var buffer = FoldBuffer(scalars: scalarStorage, originStarts: startStorage, originEnds: endStorage)
                    table.fold(text, into: &buffer)
                    if buffer.overflowed {
                        overflowed = true
                        buffer.count = 0
                    } else {
                        if options.foldLeetspeak { LeetspeakPass.apply(to: &buffer, classes: table.classes) }
                        if options.collapseRepeats { RepeatCollapsePass.apply(to: &buffer, classes: table.classes) }
                    }
                    count = buffer.count
                    collapsedRuns = buffer.collapsedRuns
                    endCount = count
                }
                startCount = count
            }
            scalarCount = count
        }
        guard !overflowed else { return nil }
        return FoldedText(original: text, scalars: scalars, originStarts: originStarts,
                          originEnds: originEnds, collapsedRuns: collapsedRuns, options: options)
    }
}
