/// What the body looks like, regardless of its words: shouting, keyboard mashing, a wall of
/// links, nothing but emoji, or Zalgo text (combining marks stacked to overflow the line).
public struct BodyShapeRule: Rule {
    public let weights: RuleWeights

    public init(weights: RuleWeights) { self.weights = weights }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        let body = comment.body
        var reasons: [Reason] = []
        let letters = body.unicodeScalars.filter { $0.properties.isAlphabetic }
        let latinLetters = letters.filter { $0.isASCII }
        let upper = latinLetters.filter { $0.properties.isUppercase }.count
        if weights.allCaps != 0, latinLetters.count >= 20, Double(upper) / Double(latinLetters.count) >= 0.8 {
            reasons.append(Reason(code: "shape.all_caps", weight: weights.allCaps, field: "body", detail: "\(upper) of \(latinLetters.count) Latin letters are capitals"))
        }
        if weights.repeatedCharacters != 0, let run = Self.longestRun(in: body), run.count >= 10 {
            reasons.append(Reason(code: "shape.repeated_characters", weight: weights.repeatedCharacters, field: "body",
                                  quote: String(repeating: run.character, count: 10) + "…", detail: "\(run.count) times the same character"))
        }
        let linkCharacters = Self.linkCharacterCount(in: body)
        let visible = body.filter { !$0.isWhitespace }.count
        if weights.mostlyLinks != 0, visible > 0, linkCharacters > 0, Double(linkCharacters) / Double(visible) >= 0.6 {
            reasons.append(Reason(code: "shape.mostly_links", weight: weights.mostlyLinks, field: "body", detail: "\(linkCharacters) of \(visible) characters are links"))
        }
        let nonSpace = body.filter { !$0.isWhitespace }
        if weights.onlyEmoji != 0, !nonSpace.isEmpty, nonSpace.allSatisfy(Self.isEmoji) {
            reasons.append(Reason(code: "shape.only_emoji", weight: weights.onlyEmoji, field: "body", detail: "nothing but emoji"))
        }
        if weights.zalgo != 0, let stack = body.map(Self.combiningMarkCount).max(), stack >= 4 {
            reasons.append(Reason(code: "shape.zalgo", weight: weights.zalgo, field: "body", detail: "\(stack) combining marks on one character"))
        }
        return reasons
    }

    static func longestRun(in text: String) -> (character: Character, count: Int)? {
        var best: (Character, Int)?
        var current: (Character, Int)?
        for character in text where !character.isWhitespace {
            if let run = current, run.0 == character { current = (character, run.1 + 1) } else { current = (character, 1) }
            if best == nil || current!.1 > best!.1 { best = current }
        }
        return best
    }

    static func linkCharacterCount(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).reduce(0) { total, word in
            let lowered = word.lowercased()
            return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") ? total + word.count : total
        }
    }

    static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0x238C) }
            && !character.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Marks in one grapheme cluster. Arabic carries at most two (shadda + a vowel) and a
    /// Quranic sign, so four or more is a stack.
    static func combiningMarkCount(_ character: Character) -> Int {
        character.unicodeScalars.filter { [.nonspacingMark, .enclosingMark].contains($0.properties.generalCategory) }.count
    }
}
