/// What the form's signed timing token says about how the comment was written: a fact the HTTP
/// layer establishes with the clock and the key, so the rule that weighs it (`FormTimingRule`)
/// stays pure.
public enum FormTiming: Sendable, Equatable {
    /// No token was sent (JSON API clients, an existing WordPress theme's form) or the check is off.
    case missing
    /// A token that does not verify: forged, altered, issued for another article or by another key.
    case invalid
    /// Sent sooner after the form was issued than a person can write a comment.
    case tooFast(seconds: Double)
    /// The form was issued longer ago than the policy allows (a replayed or harvested token).
    case stale(hours: Double)
    /// Issued by Hakam for this article, within the allowed window.
    case ok(seconds: Double)
}
