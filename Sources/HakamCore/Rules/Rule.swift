/// A content rule: looks at a validated comment and explains what it found. Rules are pure
/// and cheap; history-based checks (flood, duplicates, reputation) live in `Judge`, which
/// runs them inside the write transaction.
public protocol Rule: Sendable {
    func evaluate(_ comment: ValidatedSubmission) -> [Reason]
}
