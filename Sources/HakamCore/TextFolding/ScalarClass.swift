/// Character classes of folded scalars, as folding and matching need them.
///
/// Scalars below U+0800 (ASCII, Latin, Greek, Cyrillic, Arabic — nearly everything a folded comment
/// holds) are answered from a small precomputed table; the rest ask the Unicode properties. The
/// folding hot loops hold an instance (`ScalarFoldTable.classes`) rather than going through the
/// lazily initialised `shared` on every scalar.
struct ScalarClass: Sendable {
    /// The instance for code outside the hot loops.
    static let shared = ScalarClass()

    private let low: [UInt8]

    init() {
        low = (0 ..< 0x800).map { value in
            Unicode.Scalar(UInt32(value)).map(Self.computeBits) ?? 0
        }
    }

    /// A letter, digit or mark of any script: what words are made of. Word-mode matches need a
    /// non-word scalar (or the text's edge) on each side.
    @inline(__always)
    func isWord(_ scalar: Unicode.Scalar) -> Bool {
        bits(scalar) & Self.word != 0
    }

    /// A letter of any script (repeated-letter runs are collapsed only for letters, never digits:
    /// "1000" must stay a number).
    @inline(__always)
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        bits(scalar) & Self.letter != 0
    }

    /// A Latin letter. Leetspeak is read only in tokens that contain one.
    @inline(__always)
    func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        bits(scalar) & Self.latin != 0
    }

    /// A letter of the Arabic script (where clitics and Arabic suffixes apply).
    func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return ((0x0600 ... 0x06FF).contains(value) || (0x0750 ... 0x077F).contains(value)) && isLetter(scalar)
    }

    private static let word: UInt8 = 1
    private static let letter: UInt8 = 2
    private static let latin: UInt8 = 4

    @inline(__always)
    private func bits(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        return value < 0x800 ? low[Int(value)] : Self.computeBits(scalar)
    }

    private static func computeBits(_ scalar: Unicode.Scalar) -> UInt8 {
        let properties = scalar.properties
        var bits: UInt8 = 0
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: bits |= word
        default: break
        }
        if properties.isAlphabetic {
            bits |= word | letter
            if isLatinRange(scalar.value) { bits |= latin }
        }
        return bits
    }

    private static func isLatinRange(_ value: UInt32) -> Bool {
        switch value {
        case 0x41 ... 0x5A, 0x61 ... 0x7A, 0xC0 ... 0x2AF, 0x1D00 ... 0x1DBF, 0x1E00 ... 0x1EFF,
             0x2C60 ... 0x2C7F, 0xA720 ... 0xA7FF, 0xAB30 ... 0xAB6F, 0xFF21 ... 0xFF5A:
            true
        default:
            false
        }
    }
}
