// Word-list file syntax (`Policies/words/*.txt`), one entry per line:
//
//     # A line whose first non-blank character is '#' is a comment; blank lines are ignored.
//     casino            word mode (the default): whole word, Arabic clitics/suffixes allowed
//     casino*           prefix mode: a word starting with "casino" (casinos, casinoonline)
//     *casino*          substring mode: anywhere, even inside another word (WordPress behaviour)
//     free money        phrases are entries too; any run of spaces/newlines in the text matches
//     كلب   # dog        a '#' after whitespace starts a trailing comment
//     !فخرا             an exception: an innocent word holding an entry (فخرا holds خرا); entries of
//                       the same list matched inside it are ignored ('\!' for a literal '!')
//     \#hashtag  a\*b   a backslash makes the next character literal ('\#', '\*', '\\')
//
// Leading and trailing whitespace is trimmed, a UTF-8 byte-order mark is ignored, and both LF and
// CRLF line ends work. Entries are written naturally (with or without harakat, any alef form, any
// case): they are folded exactly like the text. Errors carry the 1-based line number.

extension WordMatcher {
    /// Parses a word list into entries tagged with `listID`. See the syntax above.
    public static func parseList(_ contents: String, listID: Int) throws(WordListError) -> [WordPattern] {
        var patterns: [WordPattern] = []
        let lines = contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            if let pattern = try parseLine(Substring(line), number: index + 1, listID: listID) {
                patterns.append(pattern)
            }
        }
        return patterns
    }

    /// One list line: `nil` for blank and comment lines.
    private static func parseLine(_ line: Substring, number: Int, listID: Int) throws(WordListError) -> WordPattern? {
        // Decode escapes first, remembering which characters were escaped: only unescaped '#', '*' and a
        // leading '!' are syntax.
        var characters: [(character: Character, escaped: Bool)] = []
        var escaping = false
        for character in line where character != "\u{FEFF}" {
            if escaping {
                characters.append((character, true))
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                characters.append((character, false))
            }
        }
        if escaping { characters.append(("\\", true)) }  // a lone trailing backslash is literal

        // A comment starts at an unescaped '#' at the start of the line or after whitespace.
        if let hash = characters.indices.first(where: { index in
            characters[index] == ("#", false) && (index == 0 || characters[index - 1].character.isWhitespace)
        }) {
            characters.removeSubrange(hash...)
        }
        while let first = characters.first, first.character.isWhitespace, !first.escaped { characters.removeFirst() }
        while let last = characters.last, last.character.isWhitespace, !last.escaped { characters.removeLast() }
        guard !characters.isEmpty else { return nil }

        let isException = characters.first! == ("!", false)
        if isException {
            characters.removeFirst()
            while let first = characters.first, first.character.isWhitespace, !first.escaped { characters.removeFirst() }
            if characters.isEmpty { throw WordListError(line: number, reason: .emptyEntry) }
        }
        let leadingStar = characters.first! == ("*", false)
        let trailingStar = characters.count > 1 && characters.last! == ("*", false)
        if leadingStar { characters.removeFirst() }
        if trailingStar { characters.removeLast() }
        if characters.isEmpty { throw WordListError(line: number, reason: .emptyEntry) }
        if leadingStar, !trailingStar { throw WordListError(line: number, reason: .leadingStarOnly) }
        if characters.contains(where: { $0 == ("*", false) }) {
            throw WordListError(line: number, reason: .innerStar)
        }

        let text = trimmed(String(characters.map(\.character)))
        let mode: MatchMode = leadingStar ? .substring : trailingStar ? .prefix : .word
        // Checked with the default folding: every option only merges letters, none removes them,
        // so an entry empty here is empty under any folding.
        guard !text.isEmpty, TextFolding().fold(text).scalars.contains(where: { $0 != " " }) else {
            throw WordListError(line: number, reason: .nothingToMatch)
        }
        return WordPattern(text: text, mode: mode, listID: listID, isException: isException)
    }

    /// `text` without leading/trailing whitespace ("casino *" and "* casino *" are fine).
    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first ... last])
    }
}
