/// Finds links in text the way a reader sees them: `http://…`, `https://…` and bare `www.…`,
/// each up to the next whitespace or bracket. A single forward pass over the UTF-8 bytes (no
/// regular expressions: Foundation's are slow on Linux and this runs on every comment).
public enum LinkScanner {
    public struct Link: Sendable, Equatable {
        /// The whole link, as written.
        public let text: Substring
        /// Lower-cased host (user info and port removed), as written (not IDNA-converted).
        public let host: String
    }

    public static func links(in text: String) -> [Link] {
        var contiguous = text
        return contiguous.withUTF8 { bytes in links(in: bytes, of: text) }
    }

    private static func links(in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> [Link] {
        var links: [Link] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index] | 0x20  // ASCII lower-case
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else { index += 1; continue }
            var hostStart = -1
            if byte == UInt8(ascii: "h") {
                if ASCIICaseInsensitive.hasPrefix(bytes, at: index, "https://") { hostStart = index + 8 }
                else if ASCIICaseInsensitive.hasPrefix(bytes, at: index, "http://") { hostStart = index + 7 }
            } else if ASCIICaseInsensitive.hasPrefix(bytes, at: index, "www."), index == 0 || !isWordByte(bytes[index - 1]) {
                hostStart = index
            }
            guard hostStart >= 0, hostStart < count else { index += 1; continue }
            var end = hostStart
            while end < count, !isTerminator(bytes[end]) { end += 1 }
            if end == hostStart { index = end; continue }
            var hostEnd = hostStart
            while hostEnd < end, bytes[hostEnd] != UInt8(ascii: "/"), bytes[hostEnd] != UInt8(ascii: "?"), bytes[hostEnd] != UInt8(ascii: "#") { hostEnd += 1 }
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: index)
            let hostStartIndex = utf8.index(utf8.startIndex, offsetBy: hostStart)
            let hostEndIndex = utf8.index(hostStartIndex, offsetBy: hostEnd - hostStart)
            let endIndex = utf8.index(hostEndIndex, offsetBy: end - hostEnd)
            var host = Substring(text[hostStartIndex..<hostEndIndex])
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
            while let last = host.last, ".,;:!".contains(last) { host = host.dropLast() }
            links.append(Link(text: text[start..<endIndex], host: host.lowercased()))
            index = end
        }
        return links
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
