/// A byte-level parser for one top-level JSON object (RFC 8259) whose members are reported one by one
/// as flat values: strings, integers, `null`, or "something else". Nested values are validated and
/// skipped without building them, so `POST /comments` pays only for what it keeps (issue #7: Foundation's
/// `JSONDecoder` spent ~3.4% of server CPU per submission here).
///
/// Strict where Foundation's `JSONDecoder` is lenient (see `FlatJSONObjectParserTests` for each difference):
/// trailing commas, unescaped control characters, unknown escapes and lone surrogates in strings, and
/// malformed numbers are syntax errors wherever they are, even inside an ignored nested value. Only UTF-8 is
/// accepted (RFC 8259 §8.1); a leading UTF-8 byte order mark is skipped, as Foundation does (§8.1 allows it).
struct FlatJSONObjectParser {
    /// One member's value, as far as a flat field map cares.
    enum Value: Equatable {
        case string(String)
        /// A number whose exact value is an integer in `Int64`'s range: `12`, `-0`, `12.0`, `1e3`, `150e-1`.
        case integer(Int64)
        case null
        /// `true`, `false`, an array, an object, or a number that is not an exact `Int64`.
        case other
    }

    /// The deepest nesting accepted, counting the top-level object as 1: Foundation's limit, so deep
    /// input fails the same way, and an explicit stack (no recursion) so hostile input cannot exhaust ours.
    static let maximumDepth = 512

    /// Calls `member` for each member in document order (duplicates included; the caller picks the winner).
    /// Invalid UTF-8 anywhere in `bytes` is `.invalidUTF8`, whatever else is wrong (as before issue #7);
    /// otherwise a syntax error is `.malformed`, and an error `member` throws is passed on.
    static func parse(
        _ bytes: [UInt8], member: (String, Value) throws(SubmissionFields.Failure) -> Void
    ) throws(SubmissionFields.Failure) {
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(SubmissionFields.Failure) in
                var parser = FlatJSONObjectParser(buffer)
                try parser.object(member)
            }
        } catch {
            // Only the failure path checks the whole body: on success every byte was either ASCII
            // structure or inside a string that was validated, so the happy path needs no second pass.
            if String(validating: bytes, as: UTF8.self) == nil { throw .invalidUTF8 }
            throw error
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The top-level object

    private mutating func object(_ member: (String, Value) throws(SubmissionFields.Failure) -> Void) throws(SubmissionFields.Failure) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        try expect(.openBrace)
        skipWhitespace()
        if peek() == .closeBrace {
            index += 1
        } else {
            while true {
                guard peek() == .quote else { throw .malformed }
                let key = try string()
                skipWhitespace()
                try expect(.colon)
                skipWhitespace()
                try member(key, try value())
                skipWhitespace()
                guard let byte = peek() else { throw .malformed }
                index += 1
                if byte == .closeBrace { break }
                guard byte == .comma else { throw .malformed }
                skipWhitespace()
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw .malformed }
    }

    private mutating func value() throws(SubmissionFields.Failure) -> Value {
        guard let byte = peek() else { throw .malformed }
        switch byte {
        case .quote: return .string(try string())
        case .n: try literal("null"); return .null
        case .t: try literal("true"); return .other
        case .f: try literal("false"); return .other
        case .minus, .zero ... .nine: return try number().map(Value.integer) ?? .other
        case .openBrace, .openBracket: try skipContainer(); return .other
        default: throw .malformed
        }
    }

    // MARK: Nested values, skipped

    /// Validates and steps over an array or object without building it. `closers` is the stack of the
    /// brackets still open; its count plus the top-level object is the depth.
    private mutating func skipContainer() throws(SubmissionFields.Failure) {
        var closers: [UInt8] = []
        closers.reserveCapacity(8)
        // Each turn starts on a byte that opens a value inside the container (or the container itself).
        var opening = true
        while true {
            if opening {
                let open = bytes[index]
                index += 1
                guard closers.count + 1 < Self.maximumDepth else { throw .malformed }
                let closer: UInt8 = open == .openBrace ? .closeBrace : .closeBracket
                closers.append(closer)
                skipWhitespace()
                if peek() == closer {
                    index += 1
                    closers.removeLast()
                    opening = false
                } else {
                    opening = try skipElement(inObject: closer == .closeBrace)
                    if opening { continue }
                }
            }
            // After a complete value: a comma and the next element, or the container's end.
            guard let top = closers.last else { return }
            skipWhitespace()
            guard let byte = peek() else { throw .malformed }
            index += 1
            if byte == top {
                closers.removeLast()
                opening = false
            } else if byte == .comma {
                skipWhitespace()
                opening = try skipElement(inObject: top == .closeBrace)
            } else {
                throw .malformed
            }
        }
    }

    /// Steps over one element (an object's `"key": value`); returns true if the value opens a nested
    /// container, left unconsumed for the caller's loop.
    private mutating func skipElement(inObject: Bool) throws(SubmissionFields.Failure) -> Bool {
        if inObject {
            guard peek() == .quote else { throw .malformed }
            try skipString()
            skipWhitespace()
            try expect(.colon)
            skipWhitespace()
        }
        guard let byte = peek() else { throw .malformed }
        switch byte {
        case .quote: try skipString()
        case .n: try literal("null")
        case .t: try literal("true")
        case .f: try literal("false")
        case .minus, .zero ... .nine: _ = try number()
        case .openBrace, .openBracket: return true
        default: throw .malformed
        }
        return false
    }

    // MARK: Strings

    /// A string starting at the opening quote, escapes decoded.
    private mutating func string() throws(SubmissionFields.Failure) -> String {
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
            guard bytes[position] == .backslash else {
                position += 1
                continue
            }
            if runStart < position { decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< position])) }
            position += 1
            switch bytes[position] {
            case .quote, .backslash, .slash: decoded.append(bytes[position]); position += 1
            case .b: decoded.append(0x08); position += 1
            case .f: decoded.append(0x0C); position += 1
            case .n: decoded.append(0x0A); position += 1
            case .r: decoded.append(0x0D); position += 1
            case .t: decoded.append(0x09); position += 1
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
    private mutating func skipString() throws(SubmissionFields.Failure) {
        let start = index + 1
        let (end, _, isASCII) = try scanString()
        if !isASCII, String(validating: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self) == nil { throw .invalidUTF8 }
    }

    /// Finds the closing quote of the string starting at `index`, checking escapes and control characters
    /// (UTF-8 is left to the caller: multi-byte sequences never contain bytes below 0x80, so the scan is safe).
    /// Returns the closing quote's position and leaves `index` after it.
    private mutating func scanString() throws(SubmissionFields.Failure) -> (end: Int, hasEscapes: Bool, isASCII: Bool) {
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
            if byte == .quote {
                index = position + 1
                return (position, hasEscapes, allBits < 0x80 && allWordBits & 0x8080_8080_8080_8080 == 0)
            }
            guard byte >= 0x20 else { throw .malformed }  // RFC 8259 §7: control characters must be escaped
            if byte == .backslash {
                hasEscapes = true
                position += 1
                guard position < bytes.count else { throw .malformed }
                switch bytes[position] {
                case .quote, .backslash, .slash, .b, .f, .n, .r, .t: position += 1
                case .u: position = try checkUnicodeEscape(at: position)
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
    private static func mayHoldStringSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* UInt64(UInt8.quote))) || hasZeroByte(word ^ (ones &* UInt64(UInt8.backslash)))
            || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// Checks `uXXXX` at `position` (the `u`), and its low half when it is a high surrogate; returns the
    /// position after the escape. Lone or reversed surrogates are errors: they are not Unicode scalars.
    private func checkUnicodeEscape(at position: Int) throws(SubmissionFields.Failure) -> Int {
        guard let unit = hex4(at: position + 1) else { throw .malformed }
        switch unit {
        case 0xD800 ... 0xDBFF:
            guard position + 6 < bytes.count, bytes[position + 5] == .backslash, bytes[position + 6] == .u,
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
    private func unicodeEscape(at position: Int) -> (Unicode.Scalar, Int) {
        let unit = hex4(at: position + 1)!
        if (0xD800 ... 0xDBFF).contains(unit) {
            let low = hex4(at: position + 7)!
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            return (Unicode.Scalar(value)!, position + 11)
        }
        return (Unicode.Scalar(unit)!, position + 5)
    }

    /// By hand: appending `Unicode.UTF8.encode(_:)`'s buffer took a quarter of the time of an escaped body.
    private static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
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

    private func hex4(at position: Int) -> UInt16? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0 ..< 4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case .zero ... .nine: digit = byte - .zero
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    // MARK: Numbers and literals

    /// Consumes a number (RFC 8259 §6 grammar); returns its value if that is exactly an `Int64`.
    private mutating func number() throws(SubmissionFields.Failure) -> Int64? {
        let negative = peek() == .minus
        if negative { index += 1 }
        let integerStart = index
        guard let first = peek(), first.isDigit else { throw .malformed }
        index += 1
        if first != .zero { skipDigits() }  // no leading zeros: "01" stops after "0" and fails in the caller
        let integerEnd = index
        var fractionEnd = index
        if peek() == .dot {
            index += 1
            guard peek()?.isDigit == true else { throw .malformed }
            skipDigits()
            fractionEnd = index
        }
        var exponent = 0
        if let byte = peek(), byte == .e || byte == .capitalE {
            index += 1
            var exponentNegative = false
            if let sign = peek(), sign == .plus || sign == .minus {
                exponentNegative = sign == .minus
                index += 1
            }
            guard peek()?.isDigit == true else { throw .malformed }
            while let digit = peek(), digit.isDigit {
                // Saturates: beyond this any non-zero mantissa is out of Int64's range (or not an integer).
                exponent = min(exponent * 10 + Int(digit - .zero), 1_000_000_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        return ExactInteger.value(
            digits: UnsafeBufferPointer(rebasing: bytes[integerStart ..< fractionEnd]),
            skipping: integerEnd, relativeTo: integerStart, exponent: exponent, negative: negative)
    }

    private mutating func literal(_ word: StaticString) throws(SubmissionFields.Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw .malformed }
        for offset in 0 ..< count where bytes[index + offset] != word.utf8Start[offset] { throw .malformed }
        index += count
    }

    // MARK: Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws(SubmissionFields.Failure) {
        guard peek() == byte else { throw .malformed }
        index += 1
    }

    /// RFC 8259 §2: space, tab, line feed, carriage return; nothing else.
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .lineFeed, .carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index].isDigit { index += 1 }
    }
}

/// The exact integer value of a JSON number's digits and exponent, without floating point, so `12.0`,
/// `1e3` and `150e-1` are ids but `1.5`, `1.0000000000000000001` and `9223372036854775808` are not.
private enum ExactInteger {
    /// `digits` are the integer then fraction digits, the `.` at offset `skipping - relativeTo` excluded;
    /// `exponent` is the written one.
    static func value(
        digits: UnsafeBufferPointer<UInt8>, skipping dotPosition: Int, relativeTo start: Int, exponent: Int, negative: Bool
    ) -> Int64? {
        let dotOffset = dotPosition - start
        // The significant digits, without the dot, leading and trailing zeros; the scale moves with them.
        var significant: [UInt8] = []
        var scale = exponent
        for (offset, byte) in digits.enumerated() where offset != dotOffset {
            if offset > dotOffset { scale -= 1 }
            if significant.isEmpty && byte == .zero { continue }
            significant.append(byte - .zero)
        }
        while let last = significant.last, last == 0 {
            significant.removeLast()
            scale += 1
        }
        if significant.isEmpty { return 0 }
        guard scale >= 0, significant.count + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in significant + repeatElement(0, count: scale) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        return Int64(exactly: magnitude)
    }
}

private extension UInt8 {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
    static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    static let b = UInt8(ascii: "b"), e = UInt8(ascii: "e"), capitalE = UInt8(ascii: "E"), f = UInt8(ascii: "f")
    static let n = UInt8(ascii: "n"), r = UInt8(ascii: "r"), t = UInt8(ascii: "t"), u = UInt8(ascii: "u")

    var isDigit: Bool { self >= .zero && self <= .nine }
}
