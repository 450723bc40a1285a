/// The local part (before the `@`) Hakam accepts: an RFC 5322 dot-atom of `atext`,
/// widened as RFC 6531 allows to non-ASCII letters, marks and digits. No quoted strings,
/// no obsolete syntax.
enum EmailLocalPartRules {
    /// RFC 5321 §4.5.3.1.1.
    static let maximumOctets = 64

    /// Throws for the first problem found; `localPart` is already NFC.
    static func validate(_ localPart: String) throws(EmailAddressError) {
        guard !localPart.isEmpty else { throw .missingLocalPart }
        if localPart.unicodeScalars.contains("\"") { throw .quotedLocalPart }
        // Dots separate atoms: never first, last or doubled.
        let atoms = localPart.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty }) else { throw .invalidLocalPart }
        // An atom may not start with a combining mark (it would merge with the dot before it).
        guard atoms.allSatisfy({ !isMark($0.first!) }) else { throw .invalidLocalPart }
        guard localPart.unicodeScalars.allSatisfy({ $0 == "." || isAllowed($0) }) else { throw .invalidLocalPart }
        guard localPart.utf8.count <= maximumOctets else { throw .localPartTooLong }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// `atext` (RFC 5322 §3.2.3) or a non-ASCII letter, mark or number.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9",
                 "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~":
                return true
            default:
                return false
            }
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            // Symbols, punctuation, spaces, format characters (bidi overrides, zero-width…),
            // private use and unassigned code points.
            return false
        }
    }
}
