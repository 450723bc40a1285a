/// A hidden form field that people never see and bots fill in.
public struct HoneypotRule: Rule {
    public let field: String
    public let weight: Double

    public init(field: String, weight: Double) {
        self.field = field
        self.weight = weight
    }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0, let value = comment.extraFields[field], !value.isEmpty else { return [] }
        return [Reason(code: "honeypot.filled", weight: weight, field: field, minimumAction: .spam, detail: "the hidden field \(field) was filled in")]
    }
}
