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
        bytes.append(UInt8(ascii: "\""))
        guard let base = utf8.baseAddress else {
            bytes.append(UInt8(ascii: "\""))
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
            let escaped = index - 1
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<escaped]))
            runStart = index
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
