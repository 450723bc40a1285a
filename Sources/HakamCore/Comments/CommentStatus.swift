/// Where a comment stands in moderation. Stored as text and CHECK-constrained in SQL.
public enum CommentStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case pending
    case approved
    case spam
    case trash

    /// What the public (and the author) is told: the outcome of moderation is not disclosed,
    /// so spam and trash look like `pending` from outside.
    public var publicStatus: CommentStatus { self == .approved ? .approved : .pending }

    public static func < (lhs: CommentStatus, rhs: CommentStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
