import Foundation
import GRDB
import HakamCore
import HakamStore

extension DeliveryStatus: DatabaseValueConvertible {}

extension OutboxEvent {
    static let selection = """
        outbox.id AS o_id, outbox.event_id, outbox.type, outbox.comment_id, outbox.ban_id, outbox.actor, outbox.action,
        outbox.from_status, outbox.to_status, outbox.created_at AS o_created_at
        """

    init(row: Row) {
        self.init(
            id: row["o_id"], eventID: row["event_id"], type: row["type"], commentID: row["comment_id"], banID: row["ban_id"],
            actor: row["actor"], action: row["action"], fromStatus: row["from_status"], toStatus: row["to_status"],
            createdAt: row["o_created_at"])
    }
}

extension Delivery {
    static let selection = """
        deliveries.id AS d_id, deliveries.destination, deliveries.status, deliveries.attempts, deliveries.next_attempt_at,
        deliveries.last_error, deliveries.sent_at, deliveries.created_at AS d_created_at, \(OutboxEvent.selection)
        """

    init(row: Row) {
        self.init(
            id: row["d_id"], event: OutboxEvent(row: row), destination: row["destination"], status: row["status"],
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"],
            sentAt: row["sent_at"], createdAt: row["d_created_at"])
    }
}
