/// Rows of CSV (RFC 4180) or TSV text: fields split by an ASCII delimiter; a field that starts
/// with `"` is quoted and may hold delimiters, line breaks and `""` (one quote). Lines end with
/// LF or CRLF. A UTF-8 byte order mark at the start is skipped. With `quoting` off, a quote is
/// an ordinary character and every line is a row (tweet sets such as OSACT2020 are written so).
public struct DelimitedTextParser: Sendable {
    public let delimiter: UInt8
    public let quoting: Bool

    public init(delimiter: Character = ",", quoting: Bool = true) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.quoting = quoting
    }

    public func rows(_ text: String) -> [[String]] {
        var copy = text
        return copy.withUTF8 { rows(bytes: $0) }
    }

    private func rows(bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var quoted = false
        var fieldStarted = false
        let quote = UInt8(ascii: "\"")
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); fieldStarted = false }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote { field.append(quote); index += 1 } else { quoted = false }
                } else {
                    field.append(byte)
                }
            } else if quoting, byte == quote, !fieldStarted, field.isEmpty {
                quoted = true
                fieldStarted = true
            } else if byte == delimiter {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endField()
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else {
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if fieldStarted || !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
