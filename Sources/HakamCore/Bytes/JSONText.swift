/// JSON string escaping as `JSONEncoder` does it with `.withoutEscapingSlashes`: quote,
/// backslash and C0 controls escaped, everything else (Arabic, emoji, `/`) written as UTF-8.
/// A test compares the two byte for byte.
public enum JSONText {
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &bytes) }
    }

    /// `utf8` must be well-formed UTF-8 (as a `String`'s is): it is copied as it is, runs of
    /// bytes that need no escape in one piece.
    public static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        ByteCursor.append(to: &bytes, capacity: maximumLength(utf8.count)) { writeString(utf8, to: &$0) }
    }

    /// The most bytes `writeString` writes for `count` bytes of text: quotes, and `\u00XX`
    /// (six bytes) for every byte at worst.
    public static func maximumLength(_ count: Int) -> Int { 6 * count + 2 }

    public static func writeString(_ utf8: UnsafeBufferPointer<UInt8>, to cursor: inout ByteCursor) {
        cursor.put(UInt8(ascii: "\""))
        guard let base = utf8.baseAddress else {
            cursor.put(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            // Eight bytes that need no escape are skipped in one step.
            if index + 8 <= count {
                let word = WordScan.load(base, index)
                if !WordScan.hasByte(below: 0x20, in: word) && !WordScan.hasByte(0x22, in: word) && !WordScan.hasByte(0x5C, in: word) {
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            cursor.put(UnsafeBufferPointer(rebasing: utf8[runStart..<index - 1]))
            runStart = index
            cursor.put(0x5C)
            switch byte {
            case UInt8(ascii: "\""): cursor.put(0x22)
            case UInt8(ascii: "\\"): cursor.put(0x5C)
            case 0x0A: cursor.put(UInt8(ascii: "n"))
            case 0x0D: cursor.put(UInt8(ascii: "r"))
            case 0x09: cursor.put(UInt8(ascii: "t"))
            case 0x08: cursor.put(UInt8(ascii: "b"))
            case 0x0C: cursor.put(UInt8(ascii: "f"))
            default:
                cursor.put("u00")
                cursor.put(hexDigit(byte >> 4))
                cursor.put(hexDigit(byte & 0xF))
            }
        }
        cursor.put(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        cursor.put(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
