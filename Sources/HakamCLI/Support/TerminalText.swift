/// Text measuring and cutting for terminal columns, by grapheme cluster (a `Character`): an
/// Arabic letter with its harakat, an emoji with modifiers or a flag is one unit and is never
/// split. Widths follow the common wcwidth rules: East Asian wide and emoji are 2 columns.
enum TerminalText {
    static let ellipsis: Character = "…"

    /// Columns a string takes on a terminal.
    static func width(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// At most `maxWidth` columns; a cut string ends with "…" (within the limit). Whole
    /// grapheme clusters only.
    static func truncate(_ text: String, toWidth maxWidth: Int) -> String {
        guard maxWidth > 0 else { return "" }
        guard width(text) > maxWidth else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > maxWidth - 1 { break }
            result.append(character)
            used += w
        }
        result.append(ellipsis)
        return result
    }

    /// Pads with spaces to `width` columns (left-aligned, or right-aligned for numbers).
    static func pad(_ text: String, to target: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, target - width(text)))
        return alignRight ? padding + text : text + padding
    }

    /// Safe for one terminal line: line breaks and tabs become spaces, runs of spaces collapse,
    /// and control characters and bidi embedding/override/isolate controls are dropped — user
    /// text must not move the cursor, change colours or reorder the columns around it.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar.properties.isWhitespace {
                if !lastWasSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            if isUnsafe(scalar) { continue }
            result.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    /// Multi-line text made safe: each line as `singleLine`, blank lines kept.
    static func sanitizedLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { singleLine(String($0)) }
    }

    /// The first line with text in it, made safe.
    static func firstLine(_ text: String) -> String {
        sanitizedLines(text).first { !$0.isEmpty } ?? ""
    }

    /// True when the text has right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, …):
    /// such text goes last on a line, where the terminal's bidi reordering cannot swap it with
    /// other columns.
    static func containsRightToLeft(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
        }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true                     // C0/C1 controls, including ESC
        case 0x200E, 0x200F, 0x061C: true                       // LRM, RLM, ALM
        case 0x202A...0x202E, 0x2066...0x2069: true             // embeddings, overrides, isolates
        default: false
        }
    }
}
