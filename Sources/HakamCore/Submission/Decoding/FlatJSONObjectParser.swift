/// A byte-level parser for one top-level JSON object (RFC 8259) whose members are reported one by one
/// as flat values: strings, integers, `null`, or "something else". Nested values are validated and
/// skipped without building them, so `POST /comments` pays only for what it keeps (Foundation's
/// `JSONDecoder` builds every value first).
///
/// Strict where Foundation's `JSONDecoder` is lenient (`SubmissionFieldsJSONDifferentialTests` lists each difference):
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
    /// Invalid UTF-8 anywhere in `bytes` is `.invalidUTF8`, whatever else is wrong (as with `JSONDecoder`);
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

    // Internal (not private) for the extension in FlatJSONObjectParser+Strings.swift.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The top-level object

    private mutating func object(_ member: (String, Value) throws(SubmissionFields.Failure) -> Void) throws(SubmissionFields.Failure) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        try expect(Byte.openBrace)
        skipWhitespace()
        if peek() == Byte.closeBrace {
            index += 1
        } else {
            while true {
                guard peek() == Byte.quote else { throw .malformed }
                let key = try string()
                skipWhitespace()
                try expect(Byte.colon)
                skipWhitespace()
                try member(key, try value())
                skipWhitespace()
                guard let byte = peek() else { throw .malformed }
                index += 1
                if byte == Byte.closeBrace { break }
                guard byte == Byte.comma else { throw .malformed }
                skipWhitespace()
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw .malformed }
    }

    private mutating func value() throws(SubmissionFields.Failure) -> Value {
        guard let byte = peek() else { throw .malformed }
        switch byte {
        case Byte.quote: return .string(try string())
        case Byte.n: try literal("null"); return .null
        case Byte.t: try literal("true"); return .other
        case Byte.f: try literal("false"); return .other
        case Byte.minus, Byte.digit0 ... Byte.digit9: return try number().map(Value.integer) ?? .other
        case Byte.openBrace, Byte.openBracket: try skipContainer(); return .other
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
                let closer: UInt8 = open == Byte.openBrace ? Byte.closeBrace : Byte.closeBracket
                closers.append(closer)
                skipWhitespace()
                if peek() == closer {
                    index += 1
                    closers.removeLast()
                    opening = false
                } else {
                    opening = try skipElement(inObject: closer == Byte.closeBrace)
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
            } else if byte == Byte.comma {
                skipWhitespace()
                opening = try skipElement(inObject: top == Byte.closeBrace)
            } else {
                throw .malformed
            }
        }
    }

    /// Steps over one element (an object's `"key": value`); returns true if the value opens a nested
    /// container, left unconsumed for the caller's loop.
    private mutating func skipElement(inObject: Bool) throws(SubmissionFields.Failure) -> Bool {
        if inObject {
            guard peek() == Byte.quote else { throw .malformed }
            try skipString()
            skipWhitespace()
            try expect(Byte.colon)
            skipWhitespace()
        }
        guard let byte = peek() else { throw .malformed }
        switch byte {
        case Byte.quote: try skipString()
        case Byte.n: try literal("null")
        case Byte.t: try literal("true")
        case Byte.f: try literal("false")
        case Byte.minus, Byte.digit0 ... Byte.digit9: _ = try number()
        case Byte.openBrace, Byte.openBracket: return true
        default: throw .malformed
        }
        return false
    }

    // MARK: Numbers and literals

    /// Consumes a number (RFC 8259 §6 grammar); returns its value if that is exactly an `Int64`.
    private mutating func number() throws(SubmissionFields.Failure) -> Int64? {
        let negative = peek() == Byte.minus
        if negative { index += 1 }
        let integerStart = index
        guard let first = peek(), Byte.isDigit(first) else { throw .malformed }
        index += 1
        if first != Byte.digit0 { skipDigits() }  // no leading zeros: "01" stops after "0" and fails in the caller
        let integerEnd = index
        var fractionEnd = index
        if peek() == Byte.dot {
            index += 1
            guard peek().map(Byte.isDigit) == true else { throw .malformed }
            skipDigits()
            fractionEnd = index
        }
        var exponent = 0
        if let byte = peek(), byte == Byte.e || byte == Byte.capitalE {
            index += 1
            var exponentNegative = false
            if let sign = peek(), sign == Byte.plus || sign == Byte.minus {
                exponentNegative = sign == Byte.minus
                index += 1
            }
            guard peek().map(Byte.isDigit) == true else { throw .malformed }
            while let digit = peek(), Byte.isDigit(digit) {
                // Saturates: beyond this any non-zero mantissa is out of Int64's range (or not an integer).
                exponent = min(exponent * 10 + Int(digit - Byte.digit0), 1_000_000_000_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        return ExactInteger.value(
            digits: UnsafeBufferPointer(rebasing: bytes[integerStart ..< fractionEnd]), dotOffset: integerEnd - integerStart,
            exponent: exponent, negative: negative)
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
            case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, Byte.isDigit(bytes[index]) { index += 1 }
    }
}

extension FlatJSONObjectParser {
    /// The ASCII bytes of JSON's syntax.
    enum Byte {
        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        static let minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), digit0 = UInt8(ascii: "0"), digit9 = UInt8(ascii: "9")
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        static let b = UInt8(ascii: "b"), e = UInt8(ascii: "e"), capitalE = UInt8(ascii: "E"), f = UInt8(ascii: "f")
        static let n = UInt8(ascii: "n"), r = UInt8(ascii: "r"), t = UInt8(ascii: "t"), u = UInt8(ascii: "u")

        static func isDigit(_ byte: UInt8) -> Bool { byte >= digit0 && byte <= digit9 }
    }
}
