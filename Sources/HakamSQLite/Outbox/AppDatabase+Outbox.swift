import Foundation
import GRDB
import HakamStore

/// The outbox's narrow API: the delivery worker fans events out, claims what is due, and records
/// each attempt; `hakam deliveries` lists and retries. Every call is one short transaction.
extension AppDatabase {
    /// Events not yet turned into deliveries, oldest first.
    public func eventsToFanOut(limit: Int) async throws -> [OutboxEvent] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(OutboxEvent.selection) FROM outbox WHERE fanned_out_at IS NULL ORDER BY id LIMIT ?
                """, arguments: [limit]).map(OutboxEvent.init(row:))
        }
    }

    /// Writes each event's deliveries (one per destination, first due at `dueAt`: a digest
    /// channel gathers events until its next send; none is fine) and marks the event fanned out,
    /// in one transaction. Safe to repeat: a delivery that exists is kept as it is.
    public func fanOut(_ plan: [(eventRowID: Int64, destinations: [(name: String, dueAt: Date)])], now: Date) async throws {
        let stamp = DatabaseTimestamp.string(now)
        try await writer.write { db in
            for (rowID, destinations) in plan {
                for destination in destinations {
                    try db.cachedStatement(sql: """
                        INSERT OR IGNORE INTO deliveries (outbox_id, destination, next_attempt_at, created_at) VALUES (?, ?, ?, ?)
                        """).execute(arguments: [rowID, destination.name, DatabaseTimestamp.string(destination.dueAt), stamp])
                }
                try db.cachedStatement(sql: "UPDATE outbox SET fanned_out_at = ? WHERE id = ? AND fanned_out_at IS NULL")
                    .execute(arguments: [stamp, rowID])
            }
        }
    }

    /// Claims up to `limit` pending deliveries that are due and not claimed by a live worker, for
    /// `lease`: another worker (or this one after a restart) takes them again only once the lease
    /// has run out. Counts the attempt now, so a crash mid-send still counts it.
    /// `destinations`: only these (nil: any).
    public func claimDueDeliveries(now: Date, lease: TimeInterval, limit: Int, destinations: Set<String>?) async throws -> [Delivery] {
        let stamp = DatabaseTimestamp.string(now)
        let until = DatabaseTimestamp.string(now.addingTimeInterval(lease))
        return try await writer.write { db in
            var filter = ""
            var arguments: StatementArguments = [stamp, stamp]
            if let destinations {
                guard !destinations.isEmpty else { return [] }
                filter = " AND destination IN (\(Array(repeating: "?", count: destinations.count).joined(separator: ",")))"
                arguments += StatementArguments(destinations.sorted())
            }
            arguments += [limit]
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM deliveries
                WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)\(filter)
                ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: arguments)
            guard !ids.isEmpty else { return [] }
            let list = ids.map(String.init).joined(separator: ",")
            try db.execute(sql: "UPDATE deliveries SET claimed_until = ?, attempts = attempts + 1 WHERE id IN (\(list))", arguments: [until])
            return try Row.fetchAll(db, sql: """
                SELECT \(Delivery.selection) FROM deliveries JOIN outbox ON outbox.id = deliveries.outbox_id
                WHERE deliveries.id IN (\(list)) ORDER BY deliveries.next_attempt_at, deliveries.id
                """).map(Delivery.init(row:))
        }
    }

    public func markDeliverySent(id: Int64, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ?
                """, arguments: [DatabaseTimestamp.string(now), id])
        }
    }

    /// Records a failed attempt: retried at `retryAt`, or parked (`failed`) when it is nil.
    /// `error` must be safe to show (no secret, no private data): it is listed by `hakam deliveries`.
    public func markDeliveryFailed(id: Int64, error: String, retryAt: Date?) async throws {
        try await writer.write { db in
            if let retryAt {
                try db.execute(sql: """
                    UPDATE deliveries SET next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?
                    """, arguments: [DatabaseTimestamp.string(retryAt), String(error.prefix(500)), id])
            } else {
                try db.execute(sql: """
                    UPDATE deliveries SET status = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?
                    """, arguments: [String(error.prefix(500)), id])
            }
        }
    }

    /// Deliveries by status (nil: pending and failed), newest first.
    public func deliveries(status: DeliveryStatus?, limit: Int) async throws -> [Delivery] {
        try await writer.read { db in
            let filter = status.map { "deliveries.status = '\($0.rawValue)'" } ?? "deliveries.status IN ('pending', 'failed')"
            return try Row.fetchAll(db, sql: """
                SELECT \(Delivery.selection) FROM deliveries JOIN outbox ON outbox.id = deliveries.outbox_id
                WHERE \(filter) ORDER BY deliveries.id DESC LIMIT ?
                """, arguments: [limit]).map(Delivery.init(row:))
        }
    }

    /// Puts a delivery back in the queue, due now, with a fresh count of attempts.
    /// Returns false when there is no such delivery; a sent one is sent again (same event id).
    public func retryDelivery(id: Int64, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_until = NULL WHERE id = ?
                """, arguments: [DatabaseTimestamp.string(now), id])
            return db.changesCount > 0
        }
    }

    public func deliveryCounts() async throws -> DeliveryCounts {
        try await writer.read { db in
            var counts = DeliveryCounts()
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM deliveries GROUP BY status") {
                let n: Int = row["n"]
                switch DeliveryStatus(rawValue: row["status"]) {
                case .pending: counts.pending = n
                case .sent: counts.sent = n
                case .failed: counts.failed = n
                case nil: break
                }
            }
            counts.unfannedEvents = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE fanned_out_at IS NULL") ?? 0
            return counts
        }
    }

    /// Forgets what was told long ago: sent deliveries, and events with nothing left to deliver,
    /// created before `cutoff`. Failed deliveries stay until retried or the event is pruned with them.
    public func pruneOutbox(before cutoff: Date) async throws -> Int {
        let stamp = DatabaseTimestamp.string(cutoff)
        return try await writer.write { db in
            try db.execute(sql: "DELETE FROM deliveries WHERE status = 'sent' AND created_at < ?", arguments: [stamp])
            try db.execute(sql: """
                DELETE FROM outbox WHERE created_at < ? AND fanned_out_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM deliveries WHERE outbox_id = outbox.id)
                """, arguments: [stamp])
            return db.changesCount
        }
    }

    /// What an event is about, as a moderator may see it (no private data).
    public func outboxSubject(of event: OutboxEvent) async throws -> OutboxSubject {
        try await writer.read { db in
            var subject = OutboxSubject()
            if let commentID = event.commentID { subject.comment = try ModeratedComment.fetchOne(db, id: commentID) }
            if let banID = event.banID { subject.ban = try BanRecord.fetchOne(db, key: banID) }
            return subject
        }
    }
}
