import HakamCore

/// A stored submission: what the client may see of it, and the verdict.
public struct SubmissionOutcome: Sendable {
    public let comment: PublicComment
    public let verdict: Verdict
    /// Lets the sender's browser recognise its own pending comment (`PrivacyProtector.moderationHash`).
    public let moderationHash: String

    public var status: CommentStatus { verdict.status }
}
