import Foundation
import HakamCore
import HakamStore
import Logging
import PostgresNIO

/// The outbox and action links on PostgreSQL (migration 0003). Every node runs a delivery
/// worker: fan-out is idempotent (ON CONFLICT DO NOTHING) and claims skip rows another node
/// holds (FOR UPDATE SKIP LOCKED), so each due delivery goes to one worker at a time.
extension PostgresStore {
    static let outboxSelection = """
        outbox.id, outbox.event_id, outbox.type, outbox.comment_id, outbox.ban_id, outbox.actor, outbox.action,
        outbox.from_status, outbox.to_status, outbox.created_at
        """
    static let deliverySelection = """
        deliveries.id, deliveries.destination, deliveries.status, deliveries.attempts, deliveries.next_attempt_at,
        deliveries.last_error, deliveries.sent_at, deliveries.created_at, \(outboxSelection)
        """

    /// An event from the ten columns of `outboxSelection`, starting at `offset`.
    static func outboxEvent(_ row: PostgresRandomAccessRow, offset: Int = 0) throws -> OutboxEvent {
        OutboxEvent(
            id: try row[offset].decode(Int64.self), eventID: try row[offset + 1].decode(String.self),
            type: try row[offset + 2].decode(String.self), commentID: try row[offset + 3].decode(Int64?.self),
            banID: try row[offset + 4].decode(Int64?.self), actor: try row[offset + 5].decode(String?.self),
            action: try row[offset + 6].decode(String?.self),
            fromStatus: try row[offset + 7].decode(String?.self).flatMap(CommentStatus.init(rawValue:)),
            toStatus: try row[offset + 8].decode(String?.self).flatMap(CommentStatus.init(rawValue:)),
            createdAt: try row[offset + 9].decode(Date.self))
    }

    static func delivery(_ row: PostgresRow) throws -> Delivery {
        let row = row.makeRandomAccess()
        return Delivery(
            id: try row[0].decode(Int64.self), event: try outboxEvent(row, offset: 8), destination: try row[1].decode(String.self),
            status: DeliveryStatus(rawValue: try row[2].decode(String.self)) ?? .pending, attempts: Int(try row[3].decode(Int32.self)),
            nextAttemptAt: try row[4].decode(Date.self), lastError: try row[5].decode(String?.self),
            sentAt: try row[6].decode(Date?.self), createdAt: try row[7].decode(Date.self))
    }

    public func eventsToFanOut(limit: Int) async throws -> [OutboxEvent] {
        try await rows("""
            SELECT \(unescaped: Self.outboxSelection) FROM outbox WHERE fanned_out_at IS NULL ORDER BY id LIMIT \(limit)
            """).map { try Self.outboxEvent($0.makeRandomAccess()) }
    }

    public func fanOut(_ plan: [(eventRowID: Int64, destinations: [(name: String, dueAt: Date)])], now: Date) async throws {
        guard !plan.isEmpty else { return }
        try await transaction { connection, logger in
            for (rowID, destinations) in plan {
                for destination in destinations {
                    try await connection.query("""
                        INSERT INTO deliveries (outbox_id, destination, next_attempt_at, created_at)
                        VALUES (\(rowID), \(destination.name), \(destination.dueAt), \(now)) ON CONFLICT (outbox_id, destination) DO NOTHING
                        """, logger: logger)
                }
                try await connection.query(
                    "UPDATE outbox SET fanned_out_at = \(now) WHERE id = \(rowID) AND fanned_out_at IS NULL", logger: logger)
            }
        }
    }

    public func claimDueDeliveries(now: Date, lease: TimeInterval, limit: Int, destinations: Set<String>?) async throws -> [Delivery] {
        if let destinations, destinations.isEmpty { return [] }
        let until = now.addingTimeInterval(lease)
        // Every destination when nil: `destination = ANY(NULL)` would match none, hence the IS NULL.
        let names: [String]? = destinations.map { $0.sorted() }
        return try await transaction { connection, logger in
            try await connection.query("""
                WITH claimed AS (
                    UPDATE deliveries SET claimed_until = \(until), attempts = attempts + 1
                    WHERE id IN (
                        SELECT id FROM deliveries
                        WHERE status = 'pending' AND next_attempt_at <= \(now) AND (claimed_until IS NULL OR claimed_until <= \(now))
                        AND (\(names)::text[] IS NULL OR destination = ANY(\(names)::text[]))
                        ORDER BY next_attempt_at, id LIMIT \(limit)
                        FOR UPDATE SKIP LOCKED)
                    RETURNING *)
                SELECT \(unescaped: Self.deliverySelection) FROM claimed AS deliveries JOIN outbox ON outbox.id = deliveries.outbox_id
                ORDER BY deliveries.next_attempt_at, deliveries.id
                """, logger: logger).collect().map(Self.delivery)
        }
    }

    public func markDeliverySent(id: Int64, now: Date) async throws {
        _ = try await rows("""
            UPDATE deliveries SET status = 'sent', sent_at = \(now), claimed_until = NULL, last_error = NULL WHERE id = \(id)
            """)
    }

    public func markDeliveryFailed(id: Int64, error: String, retryAt: Date?) async throws {
        let message = String(error.prefix(500))
        if let retryAt {
            _ = try await rows("""
                UPDATE deliveries SET next_attempt_at = \(retryAt), claimed_until = NULL, last_error = \(message) WHERE id = \(id)
                """)
        } else {
            _ = try await rows("""
                UPDATE deliveries SET status = 'failed', claimed_until = NULL, last_error = \(message) WHERE id = \(id)
                """)
        }
    }

    public func deliveries(status: DeliveryStatus?, limit: Int) async throws -> [Delivery] {
        let statuses = status.map { [$0.rawValue] } ?? [DeliveryStatus.pending.rawValue, DeliveryStatus.failed.rawValue]
        return try await rows("""
            SELECT \(unescaped: Self.deliverySelection) FROM deliveries JOIN outbox ON outbox.id = deliveries.outbox_id
            WHERE deliveries.status = ANY(\(statuses)::text[]) ORDER BY deliveries.id DESC LIMIT \(limit)
            """).map(Self.delivery)
    }

    public func retryDelivery(id: Int64, now: Date) async throws -> Bool {
        try await !rows("""
            UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = \(now), claimed_until = NULL WHERE id = \(id) RETURNING id
            """).isEmpty
    }

    public func deliveryCounts() async throws -> DeliveryCounts {
        try await transaction { connection, logger in
            var counts = DeliveryCounts()
            for row in try await connection.query("SELECT status, count(*) FROM deliveries GROUP BY status", logger: logger).collect() {
                let (status, n) = try row.decode((String, Int64).self)
                switch DeliveryStatus(rawValue: status) {
                case .pending: counts.pending = Int(n)
                case .sent: counts.sent = Int(n)
                case .failed: counts.failed = Int(n)
                case nil: break
                }
            }
            let unfanned = try await connection.query("SELECT count(*) FROM outbox WHERE fanned_out_at IS NULL", logger: logger).collect()
            counts.unfannedEvents = Int(try unfanned[0].decode(Int64.self))
            return counts
        }
    }

    public func pruneOutbox(before cutoff: Date) async throws -> Int {
        try await transaction { connection, logger in
            try await connection.query("DELETE FROM deliveries WHERE status = 'sent' AND created_at < \(cutoff)", logger: logger)
            return try await connection.query("""
                DELETE FROM outbox WHERE created_at < \(cutoff) AND fanned_out_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM deliveries WHERE outbox_id = outbox.id) RETURNING id
                """, logger: logger).collect().count
        }
    }

    public func outboxSubject(of event: OutboxEvent) async throws -> OutboxSubject {
        var subject = OutboxSubject()
        if let commentID = event.commentID {
            subject.comment = try await rows("SELECT \(unescaped: Self.moderatedSelection) FROM comments WHERE id = \(commentID)")
                .first.map(Self.moderatedComment)
        }
        if let banID = event.banID {
            subject.ban = try await rows("SELECT \(unescaped: Self.banSelection) FROM bans WHERE id = \(banID)").first.map(Self.ban)
        }
        return subject
    }

    // MARK: Action links

    /// The nonce goes in first: a second use finds it (a racing one waits for the first to commit
    /// and then finds it) and changes nothing.
    public func useActionLink(
        nonce: String, commentID: Int64, action: ActionLinkToken.Action, moderator: String, now: Date
    ) async throws -> DecisionOutcome {
        try await transaction { connection, logger in
            let recorded: [PostgresRow]
            do {
                recorded = try await connection.query("""
                    INSERT INTO action_link_uses (nonce, comment_id, action, moderator, used_at)
                    VALUES (\(nonce), \(commentID), \(action.rawValue), \(moderator), \(now)) ON CONFLICT (nonce) DO NOTHING RETURNING nonce
                    """, logger: logger).collect()
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                throw ActionLinkError.alreadyUsed
            }
            guard !recorded.isEmpty else { throw ActionLinkError.alreadyUsed }
            let (current, parentID) = try await Self.moderationState(connection, logger, commentID: commentID)
            let decision: ModerationAction
            switch action {
            case .approve: decision = .approve
            case .spam, .ban: decision = .spam
            case .trash: decision = .trash
            }
            if action == .ban {
                let rows = try await connection.query("SELECT email_hash FROM comments WHERE id = \(commentID)", logger: logger).collect()
                guard let hash = try rows.first?.decode(String?.self) else { throw ModerationError.authorUnknown(commentID) }
                _ = try await Self.ban(connection, logger, kind: .email, value: hash, expiresAt: nil,
                                       note: "author of #\(commentID) (action link)", actor: moderator, now: now)
            }
            guard current != decision.status else {
                return DecisionOutcome(commentID: commentID, from: current, to: current, eventID: nil)
            }
            if decision.status == .approved {
                try await Self.requireApprovedParent(connection, logger, commentID: commentID, parentID: parentID)
            }
            let eventID = try await Self.changeStatus(
                connection, logger, commentID: commentID, from: current, to: decision.status, action: decision.rawValue,
                actor: moderator, note: "action link", lessons: classifierLessons, now: now)
            return DecisionOutcome(commentID: commentID, from: current, to: decision.status, eventID: eventID)
        }
    }

    public func isActionLinkUsed(nonce: String) async throws -> Bool {
        try await !rows("SELECT 1 FROM action_link_uses WHERE nonce = \(nonce)").isEmpty
    }
}
