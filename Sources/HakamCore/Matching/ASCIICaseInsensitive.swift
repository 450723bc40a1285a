/// Case-insensitive search for ASCII needles over UTF-8 text, without lowercasing (and so
/// copying) the text first. Only ASCII letters fold: a needle of ASCII letters, digits and
/// punctuation matches exactly what `lowercased()` followed by a byte search would find.
enum ASCIICaseInsensitive {
    /// `needle` must be lowercase ASCII.
    static func contains(_ text: String, lowercaseNeedle needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needle.withUTF8Buffer { needle in
                guard needle.count <= haystack.count else { return false }
                if needle.isEmpty { return true }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where lower(haystack[start]) == first {
                    var offset = 1
                    while offset < needle.count, lower(haystack[start + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }

    /// `needle` must be lowercase ASCII.
    static func equals(_ text: String, lowercaseNeedle needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            needle.withUTF8Buffer { needle in
                bytes.count == needle.count && zip(bytes, needle).allSatisfy { lower($0) == $1 }
            }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
