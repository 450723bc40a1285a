/// An element's name as written (`wp:comment`) and the namespace its prefix (or the default
/// namespace) is bound to where it appears.
public struct XMLName: Equatable, Sendable, CustomStringConvertible {
    public let qualified: String
    public let prefix: String?
    public let local: String
    public let namespace: String?

    public var description: String { qualified }
}
