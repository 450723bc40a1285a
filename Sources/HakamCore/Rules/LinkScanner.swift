/// Finds links in text the way a reader sees them: `http://…`, `https://…` and bare `www.…`,
/// each up to the next whitespace or bracket. A single forward pass over UTF-8 (no regular
/// expressions: Foundation's are slow on Linux and this runs on every comment).
public enum LinkScanner {
    public struct Link: Sendable, Equatable {
        /// The whole link, as written.
        public let text: Substring
        /// Lower-cased host (user info and port removed), as written (not IDNA-converted).
        public let host: String
    }

    public static func links(in text: String) -> [Link] {
        let bytes = text.utf8
        var links: [Link] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index] | 0x20  // ASCII lower-case
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else { index = bytes.index(after: index); continue }
            var hostStart: String.Index?
            if byte == UInt8(ascii: "h") {
                if hasPrefix(bytes, at: index, "https://") { hostStart = bytes.index(index, offsetBy: 8) }
                else if hasPrefix(bytes, at: index, "http://") { hostStart = bytes.index(index, offsetBy: 7) }
            } else if hasPrefix(bytes, at: index, "www."), index == bytes.startIndex || !isWordByte(bytes[bytes.index(before: index)]) {
                hostStart = index
            }
            guard let start = hostStart, start != bytes.endIndex else { index = bytes.index(after: index); continue }
            var end = start
            while end != bytes.endIndex, !isTerminator(bytes[end]) { end = bytes.index(after: end) }
            if end == start { index = end; continue }
            var hostEnd = start
            while hostEnd != end, !"/?#".utf8.contains(bytes[hostEnd]) { hostEnd = bytes.index(after: hostEnd) }
            var host = Substring(text[start..<hostEnd])
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
            while let last = host.last, ".,;:!".contains(last) { host = host.dropLast() }
            links.append(Link(text: text[index..<end], host: host.lowercased()))
            index = end
        }
        return links
    }

    private static func hasPrefix(_ bytes: String.UTF8View, at index: String.Index, _ prefix: StaticString) -> Bool {
        var position = index
        for expected in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
            guard position != bytes.endIndex else { return false }
            let actual = bytes[position]
            let folded = (actual >= 0x41 && actual <= 0x5A) ? actual | 0x20 : actual
            guard folded == expected else { return false }
            position = bytes.index(after: position)
        }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D, 0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): true
        default: false
        }
    }
}
