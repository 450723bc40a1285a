/// Maps scalars to the automaton's dense symbol numbers. Symbol 0 means "in no entry", which sends
/// the automaton straight back to its root.
///
/// Scalars below U+0800 (ASCII, Latin, Greek, Cyrillic, Arabic) are an array read; the rest, rare in
/// entries, go through a dictionary.
struct AutomatonAlphabet: Sendable {
    /// Symbols of U+0000…U+07FF, by scalar value.
    private(set) var low = [UInt16](repeating: 0, count: 0x800)
    /// Symbols of the other scalars.
    private(set) var high: [UInt32: UInt16] = [:]
    /// Number of symbols, including symbol 0.
    private(set) var size = 1

    /// The symbol for `scalar`, adding it if new.
    mutating func insert(_ scalar: Unicode.Scalar) -> UInt16 {
        let existing = self[scalar]
        if existing != 0 { return existing }
        precondition(size < Int(UInt16.max), "word lists use more than 65,534 distinct characters")
        let symbol = UInt16(size)
        size += 1
        if scalar.value < 0x800 { low[Int(scalar.value)] = symbol } else { high[scalar.value] = symbol }
        return symbol
    }

    @inline(__always)
    subscript(scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        return value < 0x800 ? low[Int(value)] : high[value, default: 0]
    }
}
