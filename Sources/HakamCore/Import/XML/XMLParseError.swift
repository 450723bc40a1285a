/// Why an XML document could not be read, with the position (1-based line and column) where the
/// reader stopped.
public struct XMLParseError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Not well-formed XML, or something this reader refuses (a DOCTYPE, another encoding).
        case malformed(String)
        /// The document stops before its root element is closed.
        case truncated
        /// The stream itself failed.
        case unreadable(String)
        /// Past one of the reader's limits (`XMLLimits`).
        case tooLarge(String)
    }

    public let kind: Kind
    public let line: Int
    public let column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public var description: String {
        switch kind {
        case .malformed(let message): "malformed XML at line \(line), column \(column): \(message)"
        case .truncated: "the document ends at line \(line) before it is complete"
        case .unreadable(let message): "could not read the document at line \(line): \(message)"
        case .tooLarge(let message): "too large at line \(line), column \(column): \(message)"
        }
    }
}
