import Foundation

/// The per-label validity rules of our IDNA subset. This is an approximation of IDNA2008
/// (RFC 5891/5892) built from Unicode general categories, not the full derived-property or
/// UTS #46 mapping tables: it accepts letters, digits and marks of every script, lower-case
/// only, and refuses symbols, punctuation, spaces, controls, joiners (ZWJ/ZWNJ are
/// CONTEXTJ — refused outright here) and compatibility characters. The Bidi rule (RFC 5893)
/// is not checked. Good enough to accept every real IDN mailbox domain and to refuse junk.
enum IDNALabelRules {
    /// Code points whose general category would let them through but that IDNA2008 lists
    /// as DISALLOWED exceptions (RFC 5892 §2.6), e.g. the Arabic tatweel, which is pure
    /// decoration and a favourite of look-alike domains.
    private static let exceptionallyDisallowed: Set<UInt32> = [
        0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B,
    ]

    /// Checks a label already in canonical form (NFC, lower-cased). ASCII characters must be
    /// LDH (`a-z`, `0-9`, `-`); others must be lower-case/other/modifier letters, marks or
    /// decimal digits.
    static func validateULabel(_ label: String) throws(IDNAError) {
        let scalars = Array(label.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { throw .emptyLabel }
        if first == "-" || last == "-" { throw .hyphenPlacement }
        // "ab--" style labels are reserved for IDNA prefixes; a Unicode label cannot have one.
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { throw .hyphenPlacement }
        if isMark(first) { throw .leadingCombiningMark }

        var hasArabicIndicDigit = false
        var hasExtendedArabicIndicDigit = false
        for scalar in scalars {
            if scalar.isASCII {
                guard isLDH(scalar) else { throw .disallowedCharacter }
                continue
            }
            guard !exceptionallyDisallowed.contains(scalar.value) else { throw .disallowedCharacter }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
                break
            default:
                throw .disallowedCharacter
            }
            if (0x0660...0x0669).contains(scalar.value) { hasArabicIndicDigit = true }
            if (0x06F0...0x06F9).contains(scalar.value) { hasExtendedArabicIndicDigit = true }
        }
        // RFC 5892 CONTEXTO: Arabic-Indic and Persian (extended) digits may not be mixed,
        // since ٤ and ۴ look alike.
        if hasArabicIndicDigit && hasExtendedArabicIndicDigit { throw .disallowedCharacter }
        // Characters that change under compatibility normalisation (full-width letters,
        // ligatures, superscripts, Arabic presentation forms…) are DISALLOWED in IDNA2008.
        if label.precomposedStringWithCompatibilityMapping != label { throw .disallowedCharacter }
    }

    /// Letters, digits, hyphen: the classic host-name alphabet (RFC 952/1123), lower case.
    static func isLDH(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", "-": true
        default: false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
