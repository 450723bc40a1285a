import Foundation
import HakamCore
import HakamStore
import Logging
import ServiceLifecycle

/// Sends the outbox: turns new events into deliveries for the configured channels, sends what
/// is due, retries failures with exponential backoff and jitter, and parks a delivery after
/// `maxAttempts`. At least once: a delivery is marked sent only after its channel accepted it,
/// and a worker killed mid-send leaves a claim that expires, so the next worker sends it again
/// with the same event id.
public struct DeliveryWorker: Service {
    let database: any OutboxStore
    /// The current channels and settings (the policy may be reloaded while running).
    let configuration: @Sendable () -> DeliveryConfiguration
    let builder: NotificationFactsBuilder
    let metrics: DeliveryMetrics?
    let logger: Logger
    let now: @Sendable () -> Date
    let jitter: @Sendable () -> Double

    public init(
        database: any OutboxStore, configuration: @escaping @Sendable () -> DeliveryConfiguration, builder: NotificationFactsBuilder,
        metrics: DeliveryMetrics?, logger: Logger, now: @escaping @Sendable () -> Date = Date.init,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.database = database
        self.configuration = configuration
        self.builder = builder
        self.metrics = metrics
        self.logger = logger
        self.now = now
        self.jitter = jitter
    }

    public func run() async throws {
        var lastPrune = Date.distantPast
        while !Task.isCancelled {
            let configuration = configuration()
            do {
                try await runOnce(configuration)
                if now().timeIntervalSince(lastPrune) > 3600 {
                    lastPrune = now()
                    _ = try await database.pruneOutbox(before: now().addingTimeInterval(-Double(configuration.settings.keepDays) * 86_400))
                }
            } catch is CancellationError {
                return
            } catch {
                // The database is busy or unavailable: nothing is lost, the rows wait.
                logger.warning("delivery worker pass failed; retrying", metadata: ["error": .string("\(error)")])
            }
            do {
                try await Task.sleep(for: .seconds(configuration.settings.pollSeconds))
            } catch {
                return
            }
        }
    }

    /// One pass: fan out new events, then send everything due. Public for tests and `notify`.
    public func runOnce(_ configuration: DeliveryConfiguration) async throws {
        try await fanOut(configuration)
        while true {
            try Task.checkCancellation()
            let due = try await database.claimDueDeliveries(now: now(), lease: configuration.settings.leaseSeconds, limit: 50)
            if due.isEmpty { break }
            await withTaskGroup(of: Void.self) { group in
                for (destination, deliveries) in Dictionary(grouping: due, by: \.destination) {
                    group.addTask { await send(deliveries, to: destination, configuration: configuration) }
                }
            }
            if due.count < 50 { break }
        }
        if let metrics {
            let counts = try await database.deliveryCounts()
            metrics.queued(counts.pending + counts.unfannedEvents)
            metrics.parkedNow(counts.failed)
        }
    }

    func fanOut(_ configuration: DeliveryConfiguration) async throws {
        while true {
            let events = try await database.eventsToFanOut(limit: 200)
            if events.isEmpty { return }
            let stamp = now()
            let plan = events.map { event in
                let type = NotificationEventType(rawValue: event.type)
                let byModerator = event.action != "submit"
                let destinations = configuration.channels
                    .filter { channel in type.map { channel.hears($0, byModerator: byModerator) } ?? false }
                    .map { (name: $0.destination, dueAt: $0.firstAttempt(now: stamp)) }
                return (eventRowID: event.id, destinations: destinations)
            }
            try await database.fanOut(plan, now: stamp)
            if events.count < 200 { return }
        }
    }

    func send(_ deliveries: [Delivery], to destination: String, configuration: DeliveryConfiguration) async {
        let kind = DeliveryMetrics.channelKind(destination)
        guard let channel = configuration.channels.first(where: { $0.destination == destination }) else {
            // The policy no longer has this channel: park, so `hakam deliveries` shows it.
            await record(deliveries, failure: DeliveryFailure("this destination is no longer configured"), park: true, kind: kind)
            return
        }
        var items: [(Delivery, NotificationFacts)] = []
        for delivery in deliveries {
            let subject = (try? await database.outboxSubject(of: delivery.event)) ?? OutboxSubject()
            items.append((delivery, builder.facts(for: delivery.event, subject: subject)))
        }
        let groups: [[(Delivery, NotificationFacts)]] = channel.isBatched ? [items] : items.map { [$0] }
        for group in groups {
            do {
                try await channel.send(group.map(\.1))
                for (delivery, _) in group {
                    try? await database.markDeliverySent(id: delivery.id, now: now())
                }
                metrics?.sent(channel: kind, count: group.count)
                logger.info("delivered", metadata: [
                    "destination": .string(destination), "events": .string(group.map(\.0.event.eventID).joined(separator: ",")),
                ])
            } catch {
                await record(group.map(\.0), failure: error, park: error.isPermanent, kind: kind, settings: configuration.settings)
            }
        }
    }

    func record(_ deliveries: [Delivery], failure: DeliveryFailure, park: Bool, kind: String, settings: DeliverySettings? = nil) async {
        for delivery in deliveries {
            let delay = park ? nil : settings?.retryDelay(afterAttempts: delivery.attempts, jitter: jitter())
            let retryAt = delay.map { now().addingTimeInterval($0) }
            try? await database.markDeliveryFailed(id: delivery.id, error: failure.message, retryAt: retryAt)
            if retryAt == nil { metrics?.parked(channel: kind) } else { metrics?.retried(channel: kind) }
            logger.warning(retryAt == nil ? "delivery parked" : "delivery failed; will retry", metadata: [
                "destination": .string(delivery.destination), "event": .string(delivery.event.eventID),
                "attempts": .stringConvertible(delivery.attempts), "error": .string(failure.message),
            ])
        }
    }
}

/// The channels and retry settings a pass works with.
public struct DeliveryConfiguration: Sendable {
    public var channels: [any NotificationChannel]
    public var settings: DeliverySettings

    public init(channels: [any NotificationChannel], settings: DeliverySettings) {
        self.channels = channels
        self.settings = settings
    }
}
