/// The conventional test values of comment-spam services: `viagra-test-123` as the author's name
/// and `akismet-guaranteed-spam@example.com` as the email always give spam, so a site can check
/// its spam path end to end.
public struct TestValuesRule: Rule {
    public let weight: Double

    public init(weight: Double) { self.weight = weight }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0 else { return [] }
        var reasons: [Reason] = []
        // Over the UTF-8 bytes, folding ASCII letters only: the values are ASCII, and
        // `String.contains` (Foundation's `CFStringFind`) or `lowercased()` + `firstRange` cost
        // far more on every request.
        if ASCIICaseInsensitive.contains(comment.name, lowercaseNeedle: "viagra-test-123") {
            reasons.append(Reason(code: "test.spam_name", weight: weight, field: "name", quote: "viagra-test-123", minimumAction: .spam, detail: "conventional spam test name"))
        }
        if ASCIICaseInsensitive.equals(comment.email.normalized, lowercaseNeedle: "akismet-guaranteed-spam@example.com") {
            reasons.append(Reason(code: "test.spam_email", weight: weight, field: "email", minimumAction: .spam, detail: "conventional spam test address"))
        }
        return reasons
    }
}
