import Foundation
import GRDB
import HakamCore
import HakamStore

extension AppDatabase {
    /// Counts by status, queue age, top reasons and decisions per moderator since `windowStart`.
    public func moderationStats(now: Date, windowStart: Date, topReasonLimit: Int = 10) async throws -> ModerationStats {
        try await writer.read { db in
            var counts: [CommentStatus: Int] = [:]
            for status in CommentStatus.allCases {
                counts[status] = try Int.fetchOne(db, sql: "SELECT count(*) FROM comments WHERE status = ?", arguments: [status]) ?? 0
            }
            let pending = counts[.pending] ?? 0
            let oldest = try Date.fetchOne(db, sql: "SELECT created_at FROM comments WHERE status = 'pending' ORDER BY created_at LIMIT 1")
            let median = pending == 0 ? nil : try Date.fetchOne(db, sql: """
                SELECT created_at FROM comments WHERE status = 'pending' ORDER BY created_at LIMIT 1 OFFSET ?
                """, arguments: [pending / 2])
            let statusList = CommentStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            let reasons = try Row.fetchAll(db, sql: """
                SELECT json_extract(r.value, '$.code') AS code, count(*) AS n
                FROM comments c, json_each(c.reasons) r
                WHERE c.status IN (\(statusList)) AND c.created_at >= ?
                GROUP BY code ORDER BY n DESC, code LIMIT ?
                """, arguments: [windowStart, topReasonLimit])
            let decisionActions = (ModerationAction.allCases.map(\.rawValue) + [AuditAction.undo]).map { "'\($0)'" }.joined(separator: ",")
            let actors = try Row.fetchAll(db, sql: """
                SELECT actor, count(*) AS n FROM moderation_events
                WHERE created_at >= ? AND action IN (\(decisionActions))
                GROUP BY actor ORDER BY n DESC, actor
                """, arguments: [windowStart])
            let bans = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                """, arguments: [now]) ?? 0
            return ModerationStats(
                countsByStatus: counts, oldestPendingAt: oldest, medianPendingAt: median,
                topReasons: reasons.compactMap { row in (row["code"] as String?).map { ModerationStats.CodeCount(code: $0, count: row["n"]) } },
                decisionsByActor: actors.map { ModerationStats.ActorCount(actor: $0["actor"], count: $0["n"]) },
                activeBans: bans, windowStart: windowStart)
        }
    }
}
