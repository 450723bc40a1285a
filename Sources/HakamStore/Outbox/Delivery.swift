import Foundation
import GRDB

/// One event on its way to one destination.
public struct Delivery: Sendable, Equatable {
    public var id: Int64
    public var event: OutboxEvent
    /// The channel's name (`webhook:HOST#HASH`, `email`): never a secret or a full URL.
    public var destination: String
    public var status: DeliveryStatus
    /// Attempts made so far, including the one a claim has just started.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var sentAt: Date?
    public var createdAt: Date

    static let selection = """
        deliveries.id AS d_id, deliveries.destination, deliveries.status, deliveries.attempts, deliveries.next_attempt_at,
        deliveries.last_error, deliveries.sent_at, deliveries.created_at AS d_created_at, \(OutboxEvent.selection)
        """

    init(row: Row) {
        id = row["d_id"]
        event = OutboxEvent(row: row)
        destination = row["destination"]
        status = row["status"]
        attempts = row["attempts"]
        nextAttemptAt = row["next_attempt_at"]
        lastError = row["last_error"]
        sentAt = row["sent_at"]
        createdAt = row["d_created_at"]
    }
}
