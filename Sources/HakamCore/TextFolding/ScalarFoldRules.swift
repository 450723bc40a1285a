/// The context-free part of folding: what one scalar becomes, whatever surrounds it.
///
/// Order, applied recursively to every scalar a step produces:
/// 1. Invisible characters are dropped: the zero-width and bidi controls of DESIGN.md §4, soft hyphen,
///    CGJ, every other control/format character and default-ignorable code point (e.g. the Hangul
///    filler U+3164 used for "blank" names). Whitespace of any kind becomes U+0020.
/// 2. Compatibility decomposition (`CompatibilityDecomposition`): fullwidth, mathematical, circled,
///    superscript, ligature and Arabic presentation forms become their plain letters, and precomposed
///    letters split into base + marks (é → e + ◌́, أ → ا + ◌ٔ).
/// 3. Combining marks (Mn, Me) are dropped: Latin accents, Zalgo stacks, harakat. DESIGN.md lists the
///    Arabic ranges explicitly (U+064B–065F, U+0670, U+06D6–06ED) and they are dropped by value too,
///    because a few of them (U+06DD, U+06DE, U+06E5, U+06E6, U+06E9) are not marks.
/// 4. Look-alikes (`ConfusableTable`, if enabled) become Latin; Arabic-script variants fold to the
///    Arabic letter (`ArabicLetterFolding`).
/// 5. Decimal digits of any script (Arabic-Indic, Persian, Devanagari, …) become ASCII digits.
/// 6. Letters are lower-cased.
///
/// Doing NFKD per scalar instead of NFKC per string is what keeps the offset map exact: every output
/// scalar comes from exactly one input scalar. It gives the same matching form as NFKC followed by
/// stripping marks, because NFKD(NFKC(x)) = NFKD(x), and canonical reordering only moves marks,
/// which are dropped anyway. (The one visible difference, Hangul syllables, is left composed: the
/// pages that hold them are not decomposed, so Korean folds the same on both sides either way.)
struct ScalarFoldRules: Sendable {
    var foldTehMarbuta: Bool
    var foldConfusables: Bool

    /// What `scalar` folds to.
    func fold(_ scalar: Unicode.Scalar) -> ScalarFold {
        let category = scalar.properties.generalCategory
        if let drop = Self.dropKind(of: scalar, category: category) { return drop }
        var output: [Unicode.Scalar] = []
        append(scalar, category: category, to: &output, depth: 0)
        // Everything was a mark (e.g. U+FE70, an isolated fathatan that decomposes to space + mark).
        if output.isEmpty { return .dropAttached }
        if output.count == 1, output[0] == scalar { return .keep }
        return .replace(output)
    }

    // The general category is looked up once per scalar and passed along: property lookups are
    // ~100 ns each, and the table build runs this for every BMP scalar.
    private func append(
        _ scalar: Unicode.Scalar, category: Unicode.GeneralCategory,
        to output: inout [Unicode.Scalar], depth: Int
    ) {
        // Decompositions, case mappings and look-alikes all end in a fixed point after two or three
        // steps; the depth limit only guards against a future table entry that maps in a circle.
        guard depth < 8 else { output.append(scalar); return }
        if Self.dropKind(of: scalar, category: category) != nil { return }
        if Self.isWhitespace(scalar, category: category) { output.append(" "); return }
        if let parts = CompatibilityDecomposition.parts(of: scalar.value) {
            // Spacing accents ("¨", "´") and isolated harakat (U+FE70…) decompose to a space plus
            // marks; a space would split the word they were put in, so they vanish like a mark.
            if parts.first == " ", parts.dropFirst().allSatisfy(Self.isMark) { return }
            for part in parts { append(part, to: &output, depth: depth + 1) }
            return
        }
        if foldConfusables, let latin = ConfusableTable.latin(for: scalar.value) {
            output.append(latin)
            return
        }
        if let arabic = ArabicLetterFolding.folded(scalar.value, foldTehMarbuta: foldTehMarbuta) {
            output.append(arabic)
            return
        }
        if category == .decimalNumber, let value = scalar.properties.numericValue,
           let digit = Unicode.Scalar(UInt32(0x30) + UInt32(value)) {
            output.append(digit)
            return
        }
        if Self.mayHaveLowercase(category), scalar.properties.changesWhenLowercased {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if !(lower.count == 1 && lower.first == scalar) {
                for part in lower { append(part, to: &output, depth: depth + 1) }
                return
            }
        }
        output.append(scalar)
    }

    private func append(_ scalar: Unicode.Scalar, to output: inout [Unicode.Scalar], depth: Int) {
        append(scalar, category: scalar.properties.generalCategory, to: &output, depth: depth)
    }

    /// Whether `scalar` is dropped outright, and how.
    static func dropKind(of scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> ScalarFold? {
        switch scalar.value {
        case 0x0640, // tatweel
             0x064B ... 0x065F, 0x0670, // harakat, superscript alef
             0x0674, // high hamza, left behind by decomposing ٵ ٶ ٷ ٸ
             0x06D6 ... 0x06ED, // Quranic annotation marks
             0x00AD, 0x034F, 0x200C, 0x200D: // soft hyphen, CGJ, ZWNJ, ZWJ: sit inside words
            return .dropAttached
        case 0x200B, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2060 ... 0x2064, 0x2066 ... 0x2069,
             0xFEFF, 0x061C:
            return .dropStandalone
        default:
            break
        }
        switch category {
        case .nonspacingMark, .enclosingMark:
            return .dropAttached
        case .format:
            return .dropStandalone
        case .control:
            return isWhitespace(scalar, category: category) ? nil : .dropStandalone
        case .otherLetter, .unassigned:
            // The only default-ignorable code points left: Hangul fillers (U+115F, U+1160, U+3164,
            // U+FFA0 — "blank" display names) and reserved ones.
            return scalar.properties.isDefaultIgnorableCodePoint ? .dropStandalone : nil
        default:
            return nil
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control: scalar.properties.isWhitespace
        default: false
        }
    }

    /// Categories holding letters with a lower-case mapping (capitals, titlecase digraphs, Roman
    /// numerals, circled capitals); skipping the lookup elsewhere keeps the table build fast.
    private static func mayHaveLowercase(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .titlecaseLetter, .letterNumber, .otherSymbol: true
        default: false
        }
    }
}
