import HakamCore

/// Why a moderator's action was refused. Nothing is written when one of these is thrown.
public enum ModerationError: Error, Sendable, Equatable, CustomStringConvertible {
    case commentNotFound(Int64)
    /// Approving (or undoing into approved) a reply whose parent is not public: the reply would
    /// hang under a comment readers cannot see.
    case parentNotApproved(commentID: Int64, parentID: Int64, parentStatus: CommentStatus?)
    /// The comment's status is no longer one the caller expected (another moderator, or the
    /// server, got there first).
    case statusChanged(commentID: Int64, actual: CommentStatus)
    case nothingToUndo(Int64)
    /// The comment has no sealed email (never had one, or it was forgotten).
    case noSealedEmail(Int64)
    /// The comment's author can no longer be identified (forgotten).
    case authorUnknown(Int64)
    case banNotFound(String)
    case invalidBanValue(String)

    public var description: String {
        switch self {
        case .commentNotFound(let id):
            "no comment #\(id)"
        case .parentNotApproved(let id, let parentID, let parentStatus):
            if let parentStatus {
                "#\(id) replies to #\(parentID), which is \(parentStatus.rawValue): approve #\(parentID) first"
            } else {
                "#\(id) replies to #\(parentID), which no longer exists: it cannot be approved"
            }
        case .statusChanged(let id, let actual):
            "#\(id) is now \(actual.rawValue) (changed by someone else): left as it is"
        case .nothingToUndo(let id):
            "#\(id) has no moderator decision to undo"
        case .noSealedEmail(let id):
            "#\(id) has no stored email (never given, or forgotten)"
        case .authorUnknown(let id):
            "the author of #\(id) can no longer be identified (forgotten)"
        case .banNotFound(let what):
            "no standing ban on \(what)"
        case .invalidBanValue(let reason):
            reason
        }
    }
}
