import Foundation

/// RFC 4180 CSV in UTF-8: a header row, CRLF line ends, fields quoted when they hold a comma,
/// quote, CR or LF, quotes doubled. Text cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`, the OWASP advice
/// (https://owasp.org/www-community/attacks/CSV_Injection): a comment body is the attacker's text.
public struct CSVExportWriter: ExportWriter {
    /// The columns, in `PublicComment`'s field order.
    public static let header = ["id", "post", "parent", "name", "url", "body", "status", "created_at"]

    public init() {}

    public func begin(exportedAt: Date, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: Self.header.joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    public func write(_ comment: PublicComment, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(comment.id).utf8)
        buffer.append(UInt8(ascii: ","))
        Self.appendText(comment.post, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        if let parent = comment.parent { buffer.append(contentsOf: String(parent).utf8) }
        buffer.append(UInt8(ascii: ","))
        Self.appendText(comment.name, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        if let url = comment.url { Self.appendText(url, to: &buffer) }
        buffer.append(UInt8(ascii: ","))
        Self.appendText(comment.body, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: comment.status.rawValue.utf8)
        buffer.append(UInt8(ascii: ","))
        ISO8601Timestamp.append(comment.createdAt, to: &buffer)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    public func finish(into buffer: inout [UInt8]) {}

    /// One text cell: defused, then quoted if needed.
    public static func appendText(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let defuse = utf8.first.map(formulaStarts.contains) ?? false
            let needsQuotes = utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
            if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
            if defuse { buffer.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
            } else {
                buffer.append(contentsOf: utf8)
            }
            if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        }
    }

    /// First bytes that make a spreadsheet evaluate a cell.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
}
