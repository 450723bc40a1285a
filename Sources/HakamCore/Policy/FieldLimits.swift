/// Maximum field lengths, in characters (extended grapheme clusters: what a reader counts).
public struct FieldLimits: Sendable, Equatable {
    public var name: Int
    public var email: Int
    public var url: Int
    public var body: Int

    public init(name: Int = 245, email: Int = 254, url: Int = 200, body: Int = 20_000) {
        self.name = name
        self.email = email
        self.url = url
        self.body = body
    }
}
