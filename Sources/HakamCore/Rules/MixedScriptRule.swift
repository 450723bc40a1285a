/// A word that mixes Latin letters with Cyrillic or Greek ones ("саsino" with a Cyrillic с and а):
/// nobody types that by accident; it is how banned words are disguised from filters.
public struct MixedScriptRule: Rule {
    public let weight: Double

    public init(weight: Double) { self.weight = weight }

    /// Script bits: Latin 1, Cyrillic 2, Greek 4; 0 for other letters and marks; nil ends a word.
    static func scriptBits(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: 1
        case 0x400...0x52F: 2
        case 0x370...0x3FF: 4
        case 0...0x7F: nil
        case 0x60C, 0x61B, 0x61F, 0x66A...0x66D, 0x6D4: nil  // Arabic punctuation
        case 0x600...0x6FF: 0  // Arabic letters and marks, without a property lookup
        default: scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark ? 0 : nil
        }
    }

    private func reason(field: String, text: String, from start: Int, to end: Int) -> Reason {
        var word = String.UnicodeScalarView()
        word.append(contentsOf: text.unicodeScalars.dropFirst(start).prefix(end - start))
        return Reason(code: "text.mixed_script", weight: weight, field: field, quote: String(String(word).prefix(40)),
                      detail: "one word mixes Latin with Cyrillic or Greek letters")
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0 else { return [] }
        for (field, text) in [("name", comment.name), ("body", comment.body), ("url", comment.url ?? "")]
        where UTF8LeadBytes.mayContainGreekOrCyrillic(text) {
            var bits: UInt8 = 0
            var wordStart = 0
            var offset = 0
            for scalar in text.unicodeScalars {
                if let scriptBits = Self.scriptBits(of: scalar) {
                    bits |= scriptBits
                } else {
                    if bits & 1 != 0, bits & 6 != 0 { return [reason(field: field, text: text, from: wordStart, to: offset)] }
                    bits = 0
                    wordStart = offset + 1
                }
                offset += 1
            }
            if bits & 1 != 0, bits & 6 != 0 { return [reason(field: field, text: text, from: wordStart, to: offset)] }
        }
        return []
    }
}
