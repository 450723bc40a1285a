/// A word that mixes Latin letters with Cyrillic or Greek ones ("саsino" with a Cyrillic с and а):
/// nobody types that by accident; it is how banned words are disguised from filters.
public struct MixedScriptRule: Rule {
    public let weight: Double

    public init(weight: Double) { self.weight = weight }

    enum Script { case latin, cyrillic, greek, other }

    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: .latin
        case 0x400...0x52F: .cyrillic
        case 0x370...0x3FF: .greek
        default: .other
        }
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0 else { return [] }
        for (field, text) in [("name", comment.name), ("body", comment.body), ("url", comment.url ?? "")] {
            for word in text.split(whereSeparator: { !$0.isLetter }) {
                let scripts = Set(word.unicodeScalars.map(Self.script)).subtracting([.other])
                if scripts.contains(.latin), scripts.count > 1 {
                    return [Reason(code: "text.mixed_script", weight: weight, field: field, quote: String(word.prefix(40)),
                                   detail: "one word mixes Latin with Cyrillic or Greek letters")]
                }
            }
        }
        return []
    }
}
