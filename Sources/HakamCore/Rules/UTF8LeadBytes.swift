/// Cheap pre-checks on a text's UTF-8 bytes, so rules that look for rare characters skip the
/// common case (an ordinary Arabic or English comment) without decoding a single scalar.
enum UTF8LeadBytes {
    /// True when any byte satisfies `predicate`.
    static func contains(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: predicate) }
    }

    /// Byte pairs that start the invisible characters `InvisibleCharacterRule` looks for:
    /// U+00AD (C2 AD), U+034F (CD 8F), U+061C (D8 9C), U+2000–U+207F (E2 80/81), U+FEFF (EF BB).
    /// Pairs, not lead bytes alone: Arabic letters share D8, and « » share C2.
    static func mayContainInvisible(_ text: String) -> Bool {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<(bytes.count - 1) {
                let next = bytes[index + 1]
                switch bytes[index] {
                case 0xE2 where next == 0x80 || next == 0x81: return true
                case 0xC2 where next == 0xAD, 0xCD where next == 0x8F, 0xD8 where next == 0x9C, 0xEF where next == 0xBB: return true
                default: continue
                }
            }
            return false
        }
    }

    /// Lead bytes of Greek (U+0370–U+03FF: CD–CF) and Cyrillic (U+0400–U+052F: D0–D4) letters.
    static func mayContainGreekOrCyrillic(_ text: String) -> Bool {
        contains(text) { $0 >= 0xCD && $0 <= 0xD4 }
    }
}
