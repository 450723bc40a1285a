/// JSON strings (RFC 8259 §7): decoded for keys and kept values, only validated for skipped ones.
extension FlatJSONObjectParser {
    /// A string starting at the opening quote, escapes decoded.
    mutating func string() throws(SubmissionFields.Failure) -> String {
        let start = index + 1
        let (end, hasEscapes, isASCII) = try scanString()
        let raw = UnsafeBufferPointer(rebasing: bytes[start ..< end])
        if !hasEscapes {
            // ASCII cannot be invalid, and `String(decoding:)` skips the generic validating initialiser's
            // runtime type lookups, which cost more than the copy for short strings such as keys.
            if isASCII { return String(decoding: raw, as: UTF8.self) }
            guard let string = String(validating: raw, as: UTF8.self) else { throw .invalidUTF8 }
            return string
        }
        // Escapes decode to complete UTF-8 sequences, which cannot make an invalid neighbour valid,
        // so validating the decoded bytes is validating the raw ones.
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var position = start
        var runStart = start  // plain bytes since the last escape, copied in one go
        while position < end {
            guard bytes[position] == Byte.backslash else {
                position += 1
                continue
            }
            if runStart < position { decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< position])) }
            position += 1
            switch bytes[position] {
            case Byte.quote, Byte.backslash, Byte.slash: decoded.append(bytes[position]); position += 1
            case Byte.b: decoded.append(0x08); position += 1
            case Byte.f: decoded.append(0x0C); position += 1
            case Byte.n: decoded.append(0x0A); position += 1
            case Byte.r: decoded.append(0x0D); position += 1
            case Byte.t: decoded.append(0x09); position += 1
            default:  // `u`, checked by scanString
                let (scalar, next) = unicodeEscape(at: position)
                Self.appendUTF8(scalar, to: &decoded)
                position = next
            }
            runStart = position
        }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< end]))
        if isASCII { return String(decoding: decoded, as: UTF8.self) }  // escapes may add non-ASCII, which is valid
        guard let string = String(validating: decoded, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }

    /// Validates a string that is not kept: its escapes, and its UTF-8 when it is not plain ASCII.
    mutating func skipString() throws(SubmissionFields.Failure) {
        let start = index + 1
        let (end, _, isASCII) = try scanString()
        if !isASCII, String(validating: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self) == nil { throw .invalidUTF8 }
    }

    /// Finds the closing quote of the string starting at `index`, checking escapes and control characters
    /// (UTF-8 is left to the caller: multi-byte sequences never contain bytes below 0x80, so the scan is safe).
    /// Returns the closing quote's position and leaves `index` after it.
    mutating func scanString() throws(SubmissionFields.Failure) -> (end: Int, hasEscapes: Bool, isASCII: Bool) {
        var position = index + 1
        var hasEscapes = false
        var allBits: UInt8 = 0
        var allWordBits: UInt64 = 0
        var bytewiseUntil = 0
        while position < bytes.count {
            // Eight plain bytes at a time (no quote, backslash or control character): most of a comment.
            // After a word with a special byte, go byte by byte past it (escape-dense text would retry every byte).
            if position >= bytewiseUntil, position + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
                if !Self.mayHoldStringSpecial(word) {
                    allWordBits |= word
                    position += 8
                    continue
                }
                bytewiseUntil = position + 8
            }
            let byte = bytes[position]
            allBits |= byte
            if byte == Byte.quote {
                index = position + 1
                return (position, hasEscapes, allBits < 0x80 && allWordBits & 0x8080_8080_8080_8080 == 0)
            }
            guard byte >= 0x20 else { throw .malformed }  // RFC 8259 §7: control characters must be escaped
            if byte == Byte.backslash {
                hasEscapes = true
                position += 1
                guard position < bytes.count else { throw .malformed }
                switch bytes[position] {
                case Byte.quote, Byte.backslash, Byte.slash, Byte.b, Byte.f, Byte.n, Byte.r, Byte.t: position += 1
                case Byte.u: position = try checkUnicodeEscape(at: position)
                default: throw .malformed
                }
            } else {
                position += 1
            }
        }
        throw .malformed
    }

    /// True if one of the word's bytes may be `"`, a backslash or below 0x20; never false when one is (the classic
    /// "has zero byte" / "has byte less than" tests), so a false result lets the scan skip all eight bytes.
    static func mayHoldStringSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* UInt64(Byte.quote))) || hasZeroByte(word ^ (ones &* UInt64(Byte.backslash)))
            || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// Checks `uXXXX` at `position` (the `u`), and its low half when it is a high surrogate; returns the
    /// position after the escape. Lone or reversed surrogates are errors: they are not Unicode scalars.
    func checkUnicodeEscape(at position: Int) throws(SubmissionFields.Failure) -> Int {
        guard let unit = hex4(at: position + 1) else { throw .malformed }
        switch unit {
        case 0xD800 ... 0xDBFF:
            guard position + 6 < bytes.count, bytes[position + 5] == Byte.backslash, bytes[position + 6] == Byte.u,
                  let low = hex4(at: position + 7), (0xDC00 ... 0xDFFF).contains(low)
            else { throw .malformed }
            return position + 11
        case 0xDC00 ... 0xDFFF:
            throw .malformed
        default:
            return position + 5
        }
    }

    /// Decodes an escape already checked by `checkUnicodeEscape`; returns the scalar and the position after it.
    func unicodeEscape(at position: Int) -> (Unicode.Scalar, Int) {
        let unit = hex4(at: position + 1)!
        if (0xD800 ... 0xDBFF).contains(unit) {
            let low = hex4(at: position + 7)!
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            return (Unicode.Scalar(value)!, position + 11)
        }
        return (Unicode.Scalar(unit)!, position + 5)
    }

    /// By hand: appending `Unicode.UTF8.encode(_:)`'s buffer took a quarter of the time of an escaped body.
    static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            buffer.append(UInt8(value))
        case ..<0x800:
            buffer.append(0xC0 | UInt8(value >> 6))
            buffer.append(0x80 | UInt8(value & 0x3F))
        case ..<0x1_0000:
            buffer.append(0xE0 | UInt8(value >> 12))
            buffer.append(0x80 | UInt8(value >> 6 & 0x3F))
            buffer.append(0x80 | UInt8(value & 0x3F))
        default:
            buffer.append(0xF0 | UInt8(value >> 18))
            buffer.append(0x80 | UInt8(value >> 12 & 0x3F))
            buffer.append(0x80 | UInt8(value >> 6 & 0x3F))
            buffer.append(0x80 | UInt8(value & 0x3F))
        }
    }

    func hex4(at position: Int) -> UInt16? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0 ..< 4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case Byte.digit0 ... Byte.digit9: digit = byte - Byte.digit0
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
