/// Zero-width and bidi control characters in the name or body: invisible to a reader, and a
/// classic way to split a banned word or to reorder what a moderator sees.
public struct InvisibleCharacterRule: Rule {
    public let weight: Double

    public init(weight: Double) { self.weight = weight }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x00AD, 0x034F, 0x061C: true
        default: false
        }
    }

    static func isOrdinaryBidi(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x2066...0x2069: true
        default: false
        }
    }

    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0x238C) || scalar.value == 0xFE0F
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0 else { return [] }
        for (field, text) in [("name", comment.name), ("body", comment.body)] where UTF8LeadBytes.mayContainInvisible(text) && text.unicodeScalars.contains(where: Self.isInvisible) {
            // ZWNJ (U+200C) is ordinary in Persian and Urdu words; count it only when it is not between letters.
            let scalars = Array(text.unicodeScalars)
            let rightToLeft = scalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFC).contains($0.value) }
            let found = scalars.indices.filter { index in
                guard Self.isInvisible(scalars[index]) else { return false }
                if scalars[index].value == 0x200C, index > 0, index + 1 < scalars.count,
                   scalars[index - 1].properties.isAlphabetic, scalars[index + 1].properties.isAlphabetic,
                   !scalars[index - 1].isASCII { return false }
                // ZWJ inside an emoji sequence (👨‍👩‍👧) is part of the emoji.
                if scalars[index].value == 0x200D,
                   (index > 0 && Self.isEmoji(scalars[index - 1])) || (index + 1 < scalars.count && Self.isEmoji(scalars[index + 1])) { return false }
                // Right-to-left text mixed with Latin or digits carries direction marks, embeddings
                // and isolates as a matter of course (keyboards and Twitter insert them); overrides
                // (U+202D, U+202E), which can reorder what a moderator reads, still count.
                if rightToLeft, Self.isOrdinaryBidi(scalars[index]) { return false }
                return true
            }
            if !found.isEmpty {
                let codes = Set(found.map { String(format: "U+%04X", scalars[$0].value) }).sorted().joined(separator: ", ")
                return [Reason(code: "text.invisible_characters", weight: weight, field: field, detail: "\(found.count) invisible or bidi control characters (\(codes))")]
            }
        }
        return []
    }
}

import Foundation
