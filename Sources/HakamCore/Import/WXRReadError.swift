/// Why a WXR file could not be read. Any of these stops the import before anything is kept.
public enum WXRReadError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case malformed(line: Int, column: Int, message: String)
    case truncated(line: Int)
    case notWXR

    public var description: String {
        switch self {
        case .cannotOpen(let path): "cannot read \(path)"
        case .malformed(let line, let column, let message): "malformed XML at line \(line), column \(column): \(message)"
        case .truncated(let line): "the file ends at line \(line) before the document is complete (truncated download?)"
        case .notWXR: "not a WordPress export: no <rss><channel> document"
        }
    }
}
