import Foundation

/// A small, strict, streaming XML 1.0 reader for documents such as WordPress exports: one event at
/// a time from a stream, so only the current element's text is ever held.
///
/// It reads elements, attributes, namespace prefixes, CDATA sections, the five predefined entities
/// and character references, and skips comments and processing instructions. It refuses what a
/// WordPress export never holds and an attacker would use: a DOCTYPE (and so any other entity),
/// an encoding other than UTF-8, XML 1.1. Every well-formedness error stops the read with its line;
/// `XMLLimits` bounds depth, names, attributes and text.
public struct XMLStreamParser {
    /// Text is kept and given as `.text` only while this is on; otherwise it is checked and dropped.
    public var collectsText = false

    private var input: XMLByteReader
    private let limits: XMLLimits
    private var open: [(name: XMLName, bindings: Int)] = []
    private var bindings: [(prefix: String, uri: String)] = [("xml", "http://www.w3.org/XML/1998/namespace")]
    private var queue: [XMLEvent] = []
    private var text: [UInt8] = []
    private var started = false
    private var sawRoot = false
    private var finished = false

    public init(stream: InputStream, limits: XMLLimits = XMLLimits()) {
        self.init(stream: stream, limits: limits, chunkSize: 64 * 1024)
    }

    /// With small chunks, tests put every construct across a chunk boundary.
    init(stream: InputStream, limits: XMLLimits, chunkSize: Int) {
        self.input = XMLByteReader(stream: stream, chunkSize: chunkSize)
        self.limits = limits
    }

    public var line: Int { input.line }

    public mutating func next() throws(XMLParseError) -> XMLEvent {
        if !queue.isEmpty { return queue.removeFirst() }
        if finished { return .endOfDocument }
        if !started {
            started = true
            try readStart()
            if !queue.isEmpty { return queue.removeFirst() }
        }
        if open.isEmpty { return try readOutsideRoot() }
        return try readContent()
    }

    // MARK: Prolog and epilog

    /// A byte order mark, then an XML declaration if the document has one.
    private mutating func readStart() throws(XMLParseError) {
        if try input.peek() == 0xEF {
            for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
                if try input.next() != expected { throw malformed("bytes that are not UTF-8 at the start") }
            }
        }
        guard try input.peek() == UInt8(ascii: "<") else { return }
        _ = try input.next()
        if try input.peek() == UInt8(ascii: "?") {
            _ = try input.next()
            let target = try readName()
            if target == "xml" {
                try readDeclaration()
            } else {
                try skipProcessingInstruction(named: target)
            }
        } else {
            try readMarkupOutsideRoot()
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, after its target.
    private mutating func readDeclaration() throws(XMLParseError) {
        var seen: [String: String] = [:]
        while true {
            let spaced = try skipSpace()
            if try input.peek() == UInt8(ascii: "?") {
                _ = try input.next()
                try expect(">")
                break
            }
            guard spaced else { throw malformed("the XML declaration needs a space between its settings") }
            let name = try readName()
            try expectEquals()
            seen[name] = try readQuoted(normalizing: false)
        }
        guard let version = seen["version"] else { throw malformed("the XML declaration has no version") }
        guard version == "1.0" else { throw malformed("only XML 1.0 is read (the declaration says \(version))") }
        if let encoding = seen["encoding"], !["utf-8", "utf8"].contains(encoding.lowercased()) {
            throw malformed("only UTF-8 documents are read (the declaration says \(encoding))")
        }
        if let unknown = seen.keys.first(where: { !["version", "encoding", "standalone"].contains($0) }) {
            throw malformed("the XML declaration has an unknown setting \(unknown)")
        }
    }

    private mutating func readOutsideRoot() throws(XMLParseError) -> XMLEvent {
        while true {
            _ = try skipSpace()
            guard let byte = try input.next() else {
                if sawRoot {
                    finished = true
                    return .endOfDocument
                }
                throw malformed("the document is empty (no root element)")
            }
            guard byte == UInt8(ascii: "<") else {
                throw malformed(sawRoot ? "text after the root element" : "text before the root element")
            }
            try readMarkupOutsideRoot()
            if !queue.isEmpty { return queue.removeFirst() }
        }
    }

    /// After `<` before or after the root: a comment, a processing instruction or the root's start tag.
    private mutating func readMarkupOutsideRoot() throws(XMLParseError) {
        switch try input.peek() {
        case UInt8(ascii: "?"):
            try skipProcessingInstruction()
        case UInt8(ascii: "!"):
            _ = try input.next()
            if try input.peek() == UInt8(ascii: "-") {
                try readComment()
            } else if try input.peek() == UInt8(ascii: "D") {
                throw malformed("a DOCTYPE is not accepted (a WordPress export has none)")
            } else {
                throw malformed("markup that is not allowed outside the root element")
            }
        default:
            guard !sawRoot else { throw malformed("a second root element") }
            sawRoot = true
            try readStartTag()
        }
    }

    // MARK: Content

    private mutating func readContent() throws(XMLParseError) -> XMLEvent {
        text.removeAll(keepingCapacity: true)
        var brackets = 0
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            switch byte {
            case UInt8(ascii: "<"):
                brackets = 0
                try readMarkupInContent()
                if !queue.isEmpty {
                    if collectsText, !text.isEmpty { return .text(String(decoding: text, as: UTF8.self)) }
                    return queue.removeFirst()
                }
            case UInt8(ascii: "&"):
                brackets = 0
                try keep(try readReference())
            case UInt8(ascii: ">") where brackets >= 2:
                throw malformed("]]> is not allowed in text (outside a CDATA section)")
            default:
                brackets = byte == UInt8(ascii: "]") ? brackets + 1 : 0
                try keep(byte)
            }
        }
    }

    private mutating func keep(_ byte: UInt8) throws(XMLParseError) {
        guard collectsText else { return }
        guard text.count < limits.maxTextBytes else { throw input.error(.tooLarge("text longer than \(limits.maxTextBytes) bytes")) }
        text.append(byte)
    }

    private mutating func keep(_ scalar: Unicode.Scalar) throws(XMLParseError) {
        for byte in UTF8.encode(scalar)! { try keep(byte) }
    }

    /// After `<` inside an element: an end tag, a start tag, CDATA (kept as text), a comment or a
    /// processing instruction (skipped). Tags go to the queue.
    private mutating func readMarkupInContent() throws(XMLParseError) {
        switch try input.peek() {
        case UInt8(ascii: "/"):
            _ = try input.next()
            try readEndTag()
        case UInt8(ascii: "?"):
            try skipProcessingInstruction()
        case UInt8(ascii: "!"):
            _ = try input.next()
            switch try input.peek() {
            case UInt8(ascii: "-"): try readComment()
            case UInt8(ascii: "["): try readCDATA()
            default: throw malformed("<! that starts neither a comment nor a CDATA section")
            }
        default:
            try readStartTag()
        }
    }

    private mutating func readCDATA() throws(XMLParseError) {
        for character in "[CDATA[".utf8 {
            if try input.next() != character { throw malformed("<![ that does not start a CDATA section") }
        }
        // `]` are kept only once it is clear they do not start the terminator.
        var brackets = 0
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            if byte == UInt8(ascii: "]") {
                brackets += 1
                continue
            }
            if byte == UInt8(ascii: ">"), brackets >= 2 {
                for _ in 0..<(brackets - 2) { try keep(UInt8(ascii: "]")) }
                return
            }
            for _ in 0..<brackets { try keep(UInt8(ascii: "]")) }
            brackets = 0
            try keep(byte)
        }
    }

    /// `<!--…-->`, after `<!`; `--` may not appear inside.
    private mutating func readComment() throws(XMLParseError) {
        try expect("-")
        try expect("-")
        var dashes = 0
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            if dashes >= 2 {
                guard byte == UInt8(ascii: ">") else { throw malformed("-- is not allowed inside a comment") }
                return
            }
            dashes = byte == UInt8(ascii: "-") ? dashes + 1 : 0
        }
    }

    /// A processing instruction, at its `?`: skipped, unless it is a second XML declaration.
    private mutating func skipProcessingInstruction() throws(XMLParseError) {
        _ = try input.next()
        try skipProcessingInstruction(named: try readName())
    }

    /// The rest of a processing instruction whose target was read.
    private mutating func skipProcessingInstruction(named target: String) throws(XMLParseError) {
        if target.lowercased() == "xml" { throw malformed("an XML declaration is only allowed at the very start of the document") }
        try skipUntil("?>")
    }

    // MARK: Tags

    /// A start tag, after `<`: its start event (and end event for `<a/>`) go to the queue.
    private mutating func readStartTag() throws(XMLParseError) {
        let line = input.line
        let qualified = try readName()
        var attributes: [(name: String, value: String)] = []
        var selfClosing = false
        while true {
            let spaced = try skipSpace()
            guard let byte = try input.peek() else { throw input.error(.truncated) }
            if byte == UInt8(ascii: ">") {
                _ = try input.next()
                break
            }
            if byte == UInt8(ascii: "/") {
                _ = try input.next()
                try expect(">")
                selfClosing = true
                break
            }
            guard spaced else { throw malformed("a tag that is not closed with > (or an attribute without a space before it)") }
            let name = try readName()
            try expectEquals()
            let value = try readQuoted(normalizing: true)
            guard !attributes.contains(where: { $0.name == name }) else { throw malformed("the attribute \(name) appears twice in <\(qualified)>") }
            guard attributes.count < limits.maxAttributes else {
                throw input.error(.tooLarge("more than \(limits.maxAttributes) attributes in <\(qualified)>"))
            }
            attributes.append((name, value))
        }
        guard open.count < limits.maxDepth else { throw input.error(.tooLarge("elements nested deeper than \(limits.maxDepth)")) }

        var declared = 0
        for (name, value) in attributes {
            if name == "xmlns" {
                bindings.append(("", value))
                declared += 1
            } else if name.hasPrefix("xmlns:") {
                let prefix = String(name.dropFirst(6))
                guard prefix != "xmlns", prefix != "xml" || value == "http://www.w3.org/XML/1998/namespace", !value.isEmpty else {
                    throw malformed("the namespace declaration \(name)=\"\(value)\" is not allowed")
                }
                bindings.append((prefix, value))
                declared += 1
            }
        }
        let name = try resolve(qualified, isElement: true)
        var kept: [String: String] = [:]
        for (attribute, value) in attributes where attribute != "xmlns" && !attribute.hasPrefix("xmlns:") {
            _ = try resolve(attribute, isElement: false)
            kept[attribute] = value
        }
        open.append((name, declared))
        queue.append(.start(name, attributes: kept, line: line))
        if selfClosing { queue.append(closeElement()) }
    }

    /// An end tag, after `</`: it must close the innermost open element.
    private mutating func readEndTag() throws(XMLParseError) {
        let name = try readName()
        _ = try skipSpace()
        try expect(">")
        guard let innermost = open.last else { throw malformed("</\(name)> closes nothing") }
        guard innermost.name.qualified == name else {
            throw malformed("the closing tag </\(name)> does not match the opening tag <\(innermost.name.qualified)>")
        }
        queue.append(closeElement())
    }

    private mutating func closeElement() -> XMLEvent {
        let closed = open.removeLast()
        bindings.removeLast(closed.bindings)
        return .end(closed.name)
    }

    /// Splits `prefix:local` and finds the namespace the prefix is bound to (unprefixed elements
    /// take the default namespace; unprefixed attributes have none).
    private func resolve(_ qualified: String, isElement: Bool) throws(XMLParseError) -> XMLName {
        let parts = qualified.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let uri = isElement ? bindings.last(where: { $0.prefix.isEmpty })?.uri : nil
            return XMLName(qualified: qualified, prefix: nil, local: qualified, namespace: uri?.isEmpty == true ? nil : uri)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            let prefix = String(parts[0])
            guard let binding = bindings.last(where: { $0.prefix == prefix }) else {
                throw malformed("the namespace prefix \(prefix): of <\(qualified)> is not declared")
            }
            return XMLName(qualified: qualified, prefix: prefix, local: String(parts[1]), namespace: binding.uri)
        default:
            throw malformed("\(qualified) is not a valid name with a namespace prefix")
        }
    }

    // MARK: Lexical pieces

    /// A name: ASCII letters, digits, `_ - . :` and any non-ASCII character; not starting with a
    /// digit, `-` or `.`.
    private mutating func readName() throws(XMLParseError) -> String {
        var bytes: [UInt8] = []
        while let byte = try input.peek(), Self.isNameByte(byte) {
            if bytes.isEmpty, byte < 0x80, !Self.isNameStartByte(byte) { break }
            guard bytes.count < limits.maxNameBytes else { throw input.error(.tooLarge("a name longer than \(limits.maxNameBytes) bytes")) }
            bytes.append(try input.next()!)
        }
        guard !bytes.isEmpty else {
            guard let byte = try input.peek() else { throw input.error(.truncated) }
            let shown = byte < 0x80 && byte >= 0x20 ? "'\(Character(Unicode.Scalar(byte)))'" : "this character"
            throw malformed("a name was expected, found \(shown) (a < or & in text must be written &lt; or &amp;)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isNameStartByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: true
        default: false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: isNameStartByte(byte)
        }
    }

    /// `&…;` after `&`: one of the five predefined entities or a character reference.
    private mutating func readReference() throws(XMLParseError) -> Unicode.Scalar {
        var body: [UInt8] = []
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            if byte == UInt8(ascii: ";") { break }
            guard body.count < 12, byte > 0x20, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") else {
                throw malformed("an undefined or malformed entity (a bare & must be written &amp;)")
            }
            body.append(byte)
        }
        let name = String(decoding: body, as: UTF8.self)
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        var value: UInt32?
        if name.hasPrefix("#x"), name.count > 2, name.dropFirst(2).allSatisfy(\.isHexDigit) {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#"), name.count > 1, name.dropFirst().allSatisfy(\.isASCIIDigitCharacter) {
            value = UInt32(name.dropFirst())
        } else {
            throw malformed("the entity &\(name); is not defined (a bare & must be written &amp;)")
        }
        guard let value, let scalar = Unicode.Scalar(value), Self.isXMLCharacter(value) else {
            throw malformed("&\(name); is not a character XML allows")
        }
        return scalar
    }

    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    /// A quoted attribute value after `=`: references resolved; with `normalizing`, tab and line
    /// ends become spaces as XML requires for attributes.
    private mutating func readQuoted(normalizing: Bool) throws(XMLParseError) -> String {
        guard let quote = try input.next() else { throw input.error(.truncated) }
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw malformed("an attribute value must be in quotes") }
        var bytes: [UInt8] = []
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            if byte == quote { break }
            guard bytes.count < limits.maxAttributeBytes else {
                throw input.error(.tooLarge("an attribute value longer than \(limits.maxAttributeBytes) bytes"))
            }
            switch byte {
            case UInt8(ascii: "<"): throw malformed("< is not allowed in an attribute value (write &lt;)")
            case UInt8(ascii: "&"): bytes.append(contentsOf: UTF8.encode(try readReference())!)
            case 0x09, 0x0A where normalizing: bytes.append(0x20)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func expectEquals() throws(XMLParseError) {
        _ = try skipSpace()
        try expect("=")
        _ = try skipSpace()
    }

    /// Skips spaces, tabs and line ends; true when there was at least one.
    private mutating func skipSpace() throws(XMLParseError) -> Bool {
        var skipped = false
        while let byte = try input.peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A {
            _ = try input.next()
            skipped = true
        }
        return skipped
    }

    private mutating func skipUntil(_ terminator: String) throws(XMLParseError) {
        let target = Array(terminator.utf8)
        var window: [UInt8] = []
        while true {
            guard let byte = try input.next() else { throw input.error(.truncated) }
            window.append(byte)
            if window.count > target.count { window.removeFirst() }
            if window == target { return }
        }
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(XMLParseError) {
        guard let byte = try input.next() else { throw input.error(.truncated) }
        guard byte == UInt8(ascii: character) else {
            throw malformed(character == ">" ? "a tag that is not closed with >" : "\(character) was expected")
        }
    }

    private func malformed(_ message: String) -> XMLParseError {
        input.error(.malformed(message))
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
