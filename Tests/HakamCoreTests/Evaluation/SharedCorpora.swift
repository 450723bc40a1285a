import Foundation

/// Third-party test data in `../shared/corpora` (never shipped). Tests using it skip visibly when absent.
enum SharedCorpora {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpora")

    static var arabicAbusePresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("arabic-abuse/osact2020/OSACT2020-sharedTask-dev.txt").path)
    }

    static var youtubeSpamPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("youtube-spam/Youtube01-Psy.csv").path)
    }

    /// Rows of a tab-separated file whose cells may be double-quoted and span lines (RFC 4180 rules, tab delimiter).
    static func tsvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else if character == "\t" {
                row.append(cell); cell = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(cell); cell = ""
                rows.append(row); row = []
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
