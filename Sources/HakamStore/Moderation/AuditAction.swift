import Foundation
import HakamCore

/// Audit actions besides the decision actions (`approve`, `hold`, `spam`, `trash` —
/// `ModerationAction.rawValue`) and the import's (`ImportMarks`).
public enum AuditAction {
    /// A comment's arrival, written by the server with the first status.
    public static let submit = "submit"
    /// Who writes `submit` events.
    public static let serverActor = "hakam"
    public static let undo = "undo"
    public static let revealEmail = "reveal_email"
    public static let forget = "forget"
    public static let purge = "purge"
}
