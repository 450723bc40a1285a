/// A submission refused outright (nothing stored), as opposed to one stored with a harsh verdict.
public enum Rejection: Error, Sendable, Equatable {
    /// The same comment again (409).
    case duplicate
    /// Too soon after the previous one (429); seconds until a retry can succeed.
    case tooFast(retryAfterSeconds: Int)
    /// The post takes no more comments (403).
    case closed
    /// The author is banned (403).
    case banned
}
