/// The conventional test values of comment-spam services: `viagra-test-123` as the author's name
/// and `akismet-guaranteed-spam@example.com` as the email always give spam, so a site can check
/// its spam path end to end.
public struct TestValuesRule: Rule {
    public let weight: Double

    public init(weight: Double) { self.weight = weight }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard weight != 0 else { return [] }
        var reasons: [Reason] = []
        if Self.contains(comment.name.lowercased(), "viagra-test-123") {
            reasons.append(Reason(code: "test.spam_name", weight: weight, field: "name", quote: "viagra-test-123", minimumAction: .spam, detail: "conventional spam test name"))
        }
        if comment.email.normalized.lowercased() == "akismet-guaranteed-spam@example.com" {
            reasons.append(Reason(code: "test.spam_email", weight: weight, field: "email", minimumAction: .spam, detail: "conventional spam test address"))
        }
        return reasons
    }

    /// A search over UTF-8 bytes: `String.contains` went through Foundation's `CFStringFind`
    /// (about 1% of a submission in profiles), for an ASCII needle that bytes find exactly.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
        }
        return false
    }
}
