import Foundation

/// The bytes of an XML document read from a stream in chunks, checked and normalized on the way:
/// each must belong to well-formed UTF-8 encoding a character XML 1.0 allows (no C0 control but
/// tab and line ends, no surrogate, no U+FFFE/U+FFFF), and CR LF or a lone CR comes out as LF, as
/// XML requires. Keeps the line and column of the last byte read for error messages.
struct XMLByteReader {
    private let stream: InputStream
    private var buffer: [UInt8]
    private var index = 0
    private var end = 0
    private var peeked: UInt8?
    private var hasPeeked = false

    private(set) var line = 1
    private(set) var column = 0

    /// The UTF-8 sequence being read: continuation bytes still due, the value so far and the least
    /// value its length may encode (anything less is an overlong form).
    private var pending = 0
    private var scalar: UInt32 = 0
    private var minimum: UInt32 = 0

    init(stream: InputStream, chunkSize: Int) {
        self.stream = stream
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    mutating func peek() throws(XMLParseError) -> UInt8? {
        if !hasPeeked {
            peeked = try fetch()
            hasPeeked = true
        }
        return peeked
    }

    mutating func next() throws(XMLParseError) -> UInt8? {
        if hasPeeked {
            hasPeeked = false
            return peeked
        }
        return try fetch()
    }

    func error(_ kind: XMLParseError.Kind) -> XMLParseError {
        XMLParseError(kind, line: line, column: max(column, 1))
    }

    private mutating func fetch() throws(XMLParseError) -> UInt8? {
        guard var byte = try raw() else {
            if pending > 0 { throw error(.truncated) }
            return nil
        }
        if byte == 0x0D {
            if try rawPeek() == 0x0A { index += 1 }
            byte = 0x0A
        }
        try check(byte)
        if byte == 0x0A {
            line += 1
            column = 0
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        return byte
    }

    private mutating func check(_ byte: UInt8) throws(XMLParseError) {
        if pending == 0 {
            switch byte {
            case 0x09, 0x0A, 0x20...0x7F:
                return
            case 0x00...0x1F:
                throw error(.malformed("a control character XML does not allow (byte 0x\(String(byte, radix: 16)))"))
            case 0xC2...0xDF: (pending, scalar, minimum) = (1, UInt32(byte & 0x1F), 0x80)
            case 0xE0...0xEF: (pending, scalar, minimum) = (2, UInt32(byte & 0x0F), 0x800)
            case 0xF0...0xF4: (pending, scalar, minimum) = (3, UInt32(byte & 0x07), 0x10000)
            default:
                throw error(.malformed("bytes that are not UTF-8 (0x\(String(byte, radix: 16)))"))
            }
            return
        }
        guard byte & 0xC0 == 0x80 else {
            throw error(.malformed("bytes that are not UTF-8 (0x\(String(byte, radix: 16)) inside a multi-byte character)"))
        }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
        pending -= 1
        guard pending == 0 else { return }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw error(.malformed("bytes that are not UTF-8 (an overlong form, a surrogate or a value past U+10FFFF)"))
        }
        guard scalar != 0xFFFE, scalar != 0xFFFF else {
            throw error(.malformed("a character XML does not allow (U+\(String(scalar, radix: 16, uppercase: true)))"))
        }
    }

    private mutating func raw() throws(XMLParseError) -> UInt8? {
        if index == end, try !refill() { return nil }
        defer { index += 1 }
        return buffer[index]
    }

    private mutating func rawPeek() throws(XMLParseError) -> UInt8? {
        if index == end, try !refill() { return nil }
        return buffer[index]
    }

    /// Reads the next chunk over the whole buffer (everything before was consumed); false at the end.
    private mutating func refill() throws(XMLParseError) -> Bool {
        if stream.streamStatus == .notOpen { stream.open() }
        let count = buffer.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
        if count < 0 {
            throw error(.unreadable(stream.streamError.map { "\($0.localizedDescription)" } ?? "the stream failed"))
        }
        index = 0
        end = count
        return count > 0
    }
}
