/// What a verdict does with a comment, from mildest to harshest.
public enum ModerationAction: String, Sendable, Codable, CaseIterable, Comparable {
    case approve
    case hold
    case spam
    case trash

    public var status: CommentStatus {
        switch self {
        case .approve: .approved
        case .hold: .pending
        case .spam: .spam
        case .trash: .trash
        }
    }

    public static func < (lhs: ModerationAction, rhs: ModerationAction) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
