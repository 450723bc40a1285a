import Testing

/// One row of a folding table: what `input` must fold to, and why the row is there.
struct FoldingCase: Sendable, CustomTestStringConvertible {
    let input: String
    let folded: String
    let note: String

    init(_ input: String, _ folded: String, _ note: String) {
        self.input = input
        self.folded = folded
        self.note = note
    }

    var testDescription: String { "\(note): \(input.debugDescription) → \(folded.debugDescription)" }
}
