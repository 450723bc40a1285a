/// One explanation of a verdict: a stable code (`links.many`, `moderation.first_time`), the
/// weight it added to the score, the field it looked at, an optional quote of the real text,
/// and an optional floor on the action (a rule can insist on at least `hold`).
public struct Reason: Sendable, Equatable, Codable {
    public var code: String
    public var weight: Double
    public var field: String?
    public var quote: String?
    public var minimumAction: ModerationAction?
    /// A short English explanation for moderators (the CLI shows it).
    public var detail: String?

    public init(code: String, weight: Double = 0, field: String? = nil, quote: String? = nil, minimumAction: ModerationAction? = nil, detail: String? = nil) {
        self.code = code
        self.weight = weight
        self.field = field
        self.quote = quote
        self.minimumAction = minimumAction
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case code, weight, field, quote, detail
        case minimumAction = "minimum_action"
    }
}
