/// What `XMLStreamParser.next()` reads: one step of the document, in order.
public enum XMLEvent: Equatable, Sendable {
    /// A start tag (an empty-element tag gives `start` then `end`). `attributes` are by qualified
    /// name, without the namespace declarations; `line` is where the tag starts.
    case start(XMLName, attributes: [String: String], line: Int)
    case end(XMLName)
    /// The character data between two tags, entities and CDATA sections resolved and line ends
    /// normalized to LF; only given while `collectsText` is on.
    case text(String)
    /// After the root element is closed and only comments, processing instructions and
    /// whitespace follow.
    case endOfDocument
}
