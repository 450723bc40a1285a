/// Case-insensitive matching of lowercase ASCII needles in UTF-8 bytes, without lowercasing (and
/// so copying) the text first. Only ASCII letters fold: a needle of ASCII letters, digits and
/// punctuation matches exactly what `lowercased()` followed by a byte comparison would find.
/// The link scanner and the test-values rule share it.
enum ASCIICaseInsensitive {
    /// True when `needle` (lowercase ASCII) starts at `index` of `bytes`.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let expected = needle.utf8Start
        for offset in 0..<length where lower(bytes[index + offset]) != expected[offset] {
            return false
        }
        return true
    }

    /// True when `needle` (lowercase ASCII) occurs anywhere in `text`.
    static func contains(_ text: String, lowercaseNeedle needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let last = bytes.count - needle.utf8CodeUnitCount
            guard last >= 0 else { return false }
            return (0...last).contains { hasPrefix(bytes, at: $0, needle) }
        }
    }

    /// True when `text` is `needle` (lowercase ASCII), ignoring the case of ASCII letters.
    static func equals(_ text: String, lowercaseNeedle needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.count == needle.utf8CodeUnitCount && hasPrefix(bytes, at: 0, needle) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
