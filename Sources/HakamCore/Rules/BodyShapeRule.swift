/// What the body looks like, regardless of its words: shouting, keyboard mashing, nothing but
/// emoji, or Zalgo text (combining marks stacked to overflow the line). A body of mostly links
/// is `LinkCountRule`'s, which scans the links once.
/// One pass over the Unicode scalars: this runs on every comment.
public struct BodyShapeRule: Rule {
    public let weights: RuleWeights

    public init(weights: RuleWeights) { self.weights = weights }

    /// Counts gathered in one pass.
    struct Shape {
        var latinLetters = 0
        var latinCapitals = 0
        var emoji = 0
        var longestRun = 0
        var longestRunScalar: Unicode.Scalar = " "
        var largestMarkStack = 0
    }

    static func shape(of text: String) -> Shape {
        var shape = Shape()
        var previous: Unicode.Scalar?
        var run = 0
        var marks = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x0A || value == 0x0D || value == 0x09 {
                marks = 0
                continue  // runs continue across spaces ("a a a a" is not a run, but spaces don't reset "!!!! !!!!")
            }
            if (0x41...0x5A).contains(value) { shape.latinLetters += 1; shape.latinCapitals += 1 }
            else if (0x61...0x7A).contains(value) { shape.latinLetters += 1 }
            let isMark: Bool
            if value < 0x300 {
                isMark = false
            } else if value >= 0x600, value <= 0x6FF {
                // Arabic block: marks by range, no property lookup (most of an Arabic comment).
                isMark = Self.isArabicMark(value)
            } else {
                let category = scalar.properties.generalCategory
                isMark = category == .nonspacingMark || category == .enclosingMark
                if !isMark, value >= 0x2190, scalar.properties.isEmoji { shape.emoji += 1 }
            }
            if isMark {
                marks += 1
                shape.largestMarkStack = max(shape.largestMarkStack, marks)
                continue
            }
            marks = 0
            if scalar == previous { run += 1 } else { run = 1; previous = scalar }
            if run > shape.longestRun, !Self.isLaughter(scalar) { shape.longestRun = run; shape.longestRunScalar = scalar }
        }
        return shape
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        let body = comment.body
        let shape = Self.shape(of: body)
        var reasons: [Reason] = []
        if weights.allCaps != 0, shape.latinLetters >= 20, Double(shape.latinCapitals) / Double(shape.latinLetters) >= 0.8 {
            reasons.append(Reason(code: "shape.all_caps", weight: weights.allCaps, field: "body", detail: "\(shape.latinCapitals) of \(shape.latinLetters) Latin letters are capitals"))
        }
        if weights.repeatedCharacters != 0, shape.longestRun >= 10 {
            reasons.append(Reason(code: "shape.repeated_characters", weight: weights.repeatedCharacters, field: "body",
                                  quote: String(repeating: String(shape.longestRunScalar), count: 10) + "…", detail: "\(shape.longestRun) times the same character"))
        }
        if weights.onlyEmoji != 0, shape.emoji > 0, Self.isOnlyEmoji(body) {
            reasons.append(Reason(code: "shape.only_emoji", weight: weights.onlyEmoji, field: "body", detail: "nothing but emoji"))
        }
        if weights.zalgo != 0, shape.largestMarkStack >= 4 {
            reasons.append(Reason(code: "shape.zalgo", weight: weights.zalgo, field: "body", detail: "\(shape.largestMarkStack) combining marks on one character"))
        }
        return reasons
    }

    /// Letters whose long runs are laughter, not shouting: Arabic هههه and Gulf خخخخ, and the
    /// Maghrebi Latin hhhh. Ordinary in news comments, so they never count as repeated characters.
    static func isLaughter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0647, 0x062E, 0x0068, 0x0048: true
        default: false
        }
    }

    /// Combining marks of the Arabic block (harakat, Quranic annotation signs).
    static func isArabicMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6DC, 0x6DF...0x6E4, 0x6E7...0x6E8, 0x6EA...0x6ED: true
        default: false
        }
    }

    /// Every visible character is an emoji (with its modifiers, joiners and variation selectors).
    static func isOnlyEmoji(_ text: String) -> Bool {
        for character in text where !character.isWhitespace {
            let scalars = character.unicodeScalars
            guard scalars.contains(where: { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0x238C) }),
                  !scalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        }
        return true
    }
}
