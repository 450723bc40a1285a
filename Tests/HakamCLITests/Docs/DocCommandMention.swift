import Foundation

/// A `hakam …` command line shown in a Markdown file (inside a code span or a fenced block): the
/// words after `hakam` and the `--flags` on that line, with where it was found.
struct DocCommandMention: Equatable {
    var file: String
    var line: Int
    /// The words before the first flag or argument that is not a command name, e.g. `["classifier", "eval"]`.
    /// A word written `approve|hold` names alternatives.
    var words: [String]
    var flags: [String]

    /// Every mention in a Markdown text. Only code is read (prose may say "hakam" freely); a
    /// shell continuation (`\` at the end of a line) joins lines.
    static func scan(_ markdown: String, file: String) -> [DocCommandMention] {
        var mentions: [DocCommandMention] = []
        var inFence = false
        var continued: (line: Int, text: String)?
        for (index, rawLine) in markdown.components(separatedBy: "\n").enumerated() {
            let lineNumber = index + 1
            if rawLine.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continued = nil
                continue
            }
            if inFence {
                var text = rawLine
                if let start = continued { text = start.text + " " + text }
                let line = continued?.line ?? lineNumber
                if text.hasSuffix("\\") {
                    continued = (line, String(text.dropLast()))
                    continue
                }
                continued = nil
                mentions += commands(in: stripComment(text), file: file, line: line)
            } else {
                for span in codeSpans(in: rawLine) {
                    mentions += commands(in: span.replacingOccurrences(of: "\\|", with: "|"), file: file, line: lineNumber)
                }
            }
        }
        return mentions
    }

    /// The contents of `` `code` `` spans on one line.
    static func codeSpans(in line: String) -> [String] {
        let parts = line.components(separatedBy: "`")
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
    }

    /// A shell line without its trailing `# comment` (a `#` that starts a word).
    static func stripComment(_ line: String) -> String {
        guard let range = line.range(of: " #") ?? (line.hasPrefix("#") ? line.startIndex..<line.index(after: line.startIndex) : nil) else { return line }
        return String(line[..<range.lowerBound])
    }

    /// Each `hakam WORD …` in a piece of code, up to the end of its shell command (`;`, `&&`,
    /// or a pipe outside brackets, where `[a|b]` and `(--x | --y)` are the docs' alternatives).
    static func commands(in code: String, file: String, line: Int) -> [DocCommandMention] {
        var mentions: [DocCommandMention] = []
        let characters = Array(code)
        var index = 0
        while let start = nextCommand(in: characters, from: index) {
            var end = start
            var depth = 0
            scan: while end < characters.count {
                switch characters[end] {
                case "[", "(": depth += 1
                case "]", ")": depth = max(0, depth - 1)
                case ";": if depth == 0 { break scan }
                case "&": if depth == 0, end + 1 < characters.count, characters[end + 1] == "&" { break scan }
                case "|":
                    // A pipe between spaces outside brackets ends the command; `a|b` is a choice.
                    if depth == 0, end > 0, characters[end - 1] == " " { break scan }
                default: break
                }
                end += 1
            }
            // `sudo -u hakam hakam migrate`: the first `hakam` is a user name.
            let tokens = String(characters[start..<end]).split(separator: " ").map(String.init).drop { $0 == "hakam" }
            mentions.append(mention(tokens: Array(tokens), file: file, line: line))
            index = end
        }
        return mentions
    }

    /// The index of the next `hakam` that starts a command: a whole word (after a space, `/`, `=`,
    /// `(`, a quote or the start) followed by a space and a word.
    private static func nextCommand(in characters: [Character], from: Int) -> Int? {
        let word = Array("hakam ")
        var index = from
        while index + word.count < characters.count {
            defer { index += 1 }
            guard Array(characters[index..<index + word.count]) == word else { continue }
            if index > 0, !" /=(\"'".contains(characters[index - 1]) { continue }
            // `hakam serve`, or the root's own `hakam --version`; not `journalctl -u hakam -f`.
            let rest = String(characters[(index + word.count)...])
            guard rest.first?.isLetter == true || rest.hasPrefix("--version") || rest.hasPrefix("--help") else { continue }
            return index
        }
        return nil
    }

    private static func mention(tokens: [String], file: String, line: Int) -> DocCommandMention {
        var words: [String] = []
        var flags: [String] = []
        var wordsDone = false
        for token in tokens {
            if token.hasPrefix("--") || token.hasPrefix("[--") || token.hasPrefix("(--") {
                let name = token.drop { $0 == "[" || $0 == "(" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                if name.count > 2 { flags.append(String(name)) }
                if !words.isEmpty { wordsDone = true }
            } else if !wordsDone, token.first?.isLowercase == true,
                      token.allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "|" }) {
                words.append(token)
            } else {
                wordsDone = true
            }
        }
        return DocCommandMention(file: file, line: line, words: words, flags: flags)
    }
}
