import Foundation
import HakamCore

/// Audit actions written by moderation, besides the decision actions (`approve`, `hold`,
/// `spam`, `trash` — `ModerationAction.rawValue`) and the server's `submit`.
public enum AuditAction {
    public static let undo = "undo"
    public static let revealEmail = "reveal_email"
    public static let forget = "forget"
    public static let purge = "purge"
}
