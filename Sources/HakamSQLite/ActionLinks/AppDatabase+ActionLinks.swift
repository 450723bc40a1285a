import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Acts on a comment for a signed action link, once: the link's nonce is recorded in the same
    /// transaction as the change, so a second use (or two racing uses) changes nothing and gets
    /// `ActionLinkError.alreadyUsed`. The change is audited as `moderator`, the way the CLI's
    /// `approve`/`spam`/`trash --as` audits it (so `hakam undo` reverts it). `ban` bans the
    /// author by the stored email hash and marks the comment as spam.
    public func useActionLink(
        nonce: String, commentID: Int64, action: ActionLinkToken.Action, moderator: String, now: Date
    ) async throws -> DecisionOutcome {
        try await writer.write { db in
            do {
                try db.execute(sql: """
                    INSERT INTO action_link_uses (nonce, comment_id, action, moderator, used_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [nonce, commentID, action.rawValue, moderator, DatabaseTimestamp.string(now)])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw ActionLinkError.alreadyUsed
            }
            let current = try Self.moderationState(db, commentID: commentID)
            let decision: ModerationAction
            switch action {
            case .approve: decision = .approve
            case .spam, .ban: decision = .spam
            case .trash: decision = .trash
            }
            if action == .ban {
                guard let hash = try String.fetchOne(db, sql: "SELECT email_hash FROM comments WHERE id = ?", arguments: [commentID]) else {
                    throw ModerationError.authorUnknown(commentID)
                }
                _ = try Self.ban(db, kind: .email, value: hash, expiresAt: nil, note: "author of #\(commentID) (action link)", actor: moderator, now: now)
            }
            guard current.status != decision.status else {
                return DecisionOutcome(commentID: commentID, from: current.status, to: current.status, eventID: nil)
            }
            if decision.status == .approved { try Self.requireApprovedParent(db, commentID: commentID, parentID: current.parentID) }
            let eventID = try Self.changeStatus(
                db, commentID: commentID, from: current.status, to: decision.status, action: decision.rawValue,
                actor: moderator, note: "action link", lessons: classifierLessons, now: now)
            return DecisionOutcome(commentID: commentID, from: current.status, to: decision.status, eventID: eventID)
        }
    }

    /// Whether a link's nonce has been used (for the confirmation page).
    public func isActionLinkUsed(nonce: String) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM action_link_uses WHERE nonce = ?", arguments: [nonce]) ?? false
        }
    }
}
