import Foundation

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

    public init(
        id: Int64, event: OutboxEvent, destination: String, status: DeliveryStatus, attempts: Int, nextAttemptAt: Date,
        lastError: String?, sentAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.event = event
        self.destination = destination
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
        self.createdAt = createdAt
    }
}
