import HakamCore

/// What one decision did to one comment.
public struct DecisionOutcome: Sendable, Equatable {
    public var commentID: Int64
    public var from: CommentStatus
    public var to: CommentStatus
    /// The audit event written, or nil when the comment already had the target status
    /// (nothing changed, nothing written).
    public var eventID: Int64?
    /// For `undo`: the event that was reverted.
    public var revertedEventID: Int64?
    public var revertedAction: String?

    public var changed: Bool { eventID != nil }

    public init(commentID: Int64, from: CommentStatus, to: CommentStatus, eventID: Int64? = nil, revertedEventID: Int64? = nil, revertedAction: String? = nil) {
        self.commentID = commentID
        self.from = from
        self.to = to
        self.eventID = eventID
        self.revertedEventID = revertedEventID
        self.revertedAction = revertedAction
    }
}
