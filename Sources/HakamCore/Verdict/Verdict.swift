/// The decision on one comment: the action, the summed score, every reason, and the policy
/// version that produced it (stored with the comment so a decision can be explained later).
public struct Verdict: Sendable, Equatable {
    public var action: ModerationAction
    public var score: Double
    public var reasons: [Reason]
    public var policyVersion: String

    public init(action: ModerationAction, score: Double, reasons: [Reason], policyVersion: String) {
        self.action = action
        self.score = score
        self.reasons = reasons
        self.policyVersion = policyVersion
    }

    public var status: CommentStatus { action.status }
}
