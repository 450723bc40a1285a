import Foundation
import HakamCore

/// The outbox and action links, whichever backend holds them. The database writes each event
/// (a trigger on the audit trail and on bans, in the transaction of the change itself); the
/// delivery worker fans events out, claims what is due and records each attempt; `hakam
/// deliveries` lists and retries. Every call is one short transaction.
public protocol OutboxStore: Sendable {
    /// Events not yet turned into deliveries, oldest first.
    func eventsToFanOut(limit: Int) async throws -> [OutboxEvent]
    /// Writes each event's deliveries (one per destination, first due at `dueAt`) and marks the
    /// event fanned out, in one transaction. Safe to repeat: a delivery that exists is kept.
    func fanOut(_ plan: [(eventRowID: Int64, destinations: [(name: String, dueAt: Date)])], now: Date) async throws
    /// Claims up to `limit` pending deliveries that are due and not claimed by a live worker, for
    /// `lease`, and counts the attempt. Several workers (nodes) never claim the same delivery.
    /// `destinations`: only these (nil: any).
    func claimDueDeliveries(now: Date, lease: TimeInterval, limit: Int, destinations: Set<String>?) async throws -> [Delivery]
    func markDeliverySent(id: Int64, now: Date) async throws
    /// Records a failed attempt: retried at `retryAt`, or parked (`failed`) when it is nil.
    /// `error` must be safe to show (no secret, no private data).
    func markDeliveryFailed(id: Int64, error: String, retryAt: Date?) async throws
    /// Deliveries by status (nil: pending and failed), newest first.
    func deliveries(status: DeliveryStatus?, limit: Int) async throws -> [Delivery]
    /// Puts a delivery back in the queue, due now, with a fresh count of attempts; false when
    /// there is no such delivery.
    func retryDelivery(id: Int64, now: Date) async throws -> Bool
    func deliveryCounts() async throws -> DeliveryCounts
    /// Forgets sent deliveries, and events with nothing left to deliver, created before `cutoff`.
    func pruneOutbox(before cutoff: Date) async throws -> Int
    /// What an event is about, as a moderator may see it (no private data).
    func outboxSubject(of event: OutboxEvent) async throws -> OutboxSubject

    /// Acts on a comment for a signed action link, once: the nonce is recorded in the same
    /// transaction as the change, so a second use throws `ActionLinkError.alreadyUsed`.
    func useActionLink(
        nonce: String, commentID: Int64, action: ActionLinkToken.Action, moderator: String, now: Date
    ) async throws -> DecisionOutcome
    /// Whether a link's nonce has been used (for the confirmation page).
    func isActionLinkUsed(nonce: String) async throws -> Bool
}

extension OutboxStore {
    public func claimDueDeliveries(now: Date, lease: TimeInterval, limit: Int) async throws -> [Delivery] {
        try await claimDueDeliveries(now: now, lease: lease, limit: limit, destinations: nil)
    }
}
