import Foundation
import HakamCore
import HakamNotify
import HakamStore
@testable import HakamSQLite
import Logging
import Testing
import HakamTestSupport

@Suite("delivery worker")
struct DeliveryWorkerTests {
    func worker(_ fixture: OutboxFixture, clock: TestClock) -> DeliveryWorker {
        DeliveryWorker(database: fixture.database, configuration: { fatalError("runOnce is given its configuration") },
                       builder: NotificationFactsBuilder(), metrics: nil, logger: Logger(label: "test"),
                       now: { clock.now }, jitter: { 1 })
    }

    @Test func eachEventReachesEachChannelThatHearsItOnce() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let clock = TestClock(fixture.start)
        let all = RecordingChannel(destination: "webhook:a#1")
        let heldOnly = RecordingChannel(destination: "webhook:b#2", events: [.held])
        let configuration = DeliveryConfiguration(channels: [all, heldOnly], settings: DeliverySettings())
        let held = try await fixture.add(action: .hold)
        try await fixture.add(action: .approve)
        let worker = worker(fixture, clock: clock)
        try await worker.runOnce(configuration)
        try await worker.runOnce(configuration)  // nothing more to do
        #expect(all.sent.flatMap { $0 }.map(\.type) == [.held, .approved])
        #expect(heldOnly.sent.flatMap { $0 }.map(\.commentID) == [held])
        #expect(try await fixture.database.deliveryCounts() == DeliveryCounts(pending: 0, sent: 3, failed: 0, unfannedEvents: 0))
    }

    @Test func aModeratorsApprovalReachesDecisionSubscribers() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let decided = RecordingChannel(events: [.decided])
        let id = try await fixture.add(action: .hold)
        _ = try await fixture.database.decide(commentID: id, action: .approve, actor: "mona", note: nil, now: fixture.start)
        try await worker(fixture, clock: TestClock(fixture.start))
            .runOnce(DeliveryConfiguration(channels: [decided], settings: DeliverySettings()))
        let facts = try #require(decided.sent.first?.first)
        #expect(decided.sent.count == 1)
        #expect(facts.type == .approved && facts.actor == "mona" && facts.previousStatus == "pending" && facts.status == "approved")
    }

    @Test func failuresBackOffExponentiallyThenPark() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let clock = TestClock(fixture.start)
        let channel = RecordingChannel(failures: 100)
        let settings = DeliverySettings(maxAttempts: 4, retryBaseSeconds: 10, retryMaxSeconds: 25)
        let configuration = DeliveryConfiguration(channels: [channel], settings: settings)
        try await fixture.add()
        let worker = worker(fixture, clock: clock)
        var delays: [TimeInterval] = []
        for _ in 0..<4 {
            try await worker.runOnce(configuration)
            let delivery = try #require(try await fixture.database.deliveries(status: nil, limit: 10).first)
            delays.append(delivery.nextAttemptAt.timeIntervalSince(clock.now))
            try await worker.runOnce(configuration)  // not due yet: no attempt
            clock.advance(max(0, delays.last!) + 0.001)
        }
        // jitter 1 → the whole step: 10, 20, then capped at 25; the 4th failure parks.
        #expect(delays.prefix(3).map { ($0 * 1000).rounded() / 1000 } == [10, 20, 25])
        let parked = try #require(try await fixture.database.deliveries(status: .failed, limit: 10).first)
        #expect(parked.attempts == 4)
        #expect(parked.lastError == "the receiver answered HTTP 503")
        #expect(channel.sent.isEmpty)

        // `hakam deliveries retry`: queued again, due now, and sent by the next pass with the same event id.
        #expect(try await fixture.database.retryDelivery(id: parked.id, now: clock.now))
        #expect(try await fixture.database.retryDelivery(id: 999_999, now: clock.now) == false)
        let healthy = RecordingChannel()
        try await worker.runOnce(DeliveryConfiguration(channels: [healthy], settings: settings))
        #expect(healthy.sent.flatMap { $0 }.map(\.eventID) == [parked.event.eventID])
        #expect(try await fixture.database.deliveries(status: .sent, limit: 10).map(\.id) == [parked.id])
    }

    @Test func retryDelayIsJitteredAndCapped() {
        let settings = DeliverySettings(maxAttempts: 5, retryBaseSeconds: 10, retryMaxSeconds: 60)
        #expect(settings.retryDelay(afterAttempts: 1, jitter: 0) == 5)
        #expect(settings.retryDelay(afterAttempts: 1, jitter: 1) == 10)
        #expect(settings.retryDelay(afterAttempts: 3, jitter: 1) == 40)
        #expect(settings.retryDelay(afterAttempts: 4, jitter: 1) == 60)
        #expect(settings.retryDelay(afterAttempts: 4, jitter: 0.5) == 45)
        #expect(settings.retryDelay(afterAttempts: 5, jitter: 1) == nil)
    }

    @Test func aClaimIsTakenAgainOnlyAfterItsLease() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let clock = TestClock(fixture.start)
        try await fixture.add()
        try await fixture.database.fanOut(
            [(eventRowID: 1, destinations: [(name: "webhook:a#1", dueAt: clock.now)])], now: clock.now)
        // A worker claims and dies (kill -9) before it records anything.
        let first = try await fixture.database.claimDueDeliveries(now: clock.now, lease: 30, limit: 10)
        #expect(first.count == 1)
        clock.advance(29)
        #expect(try await fixture.database.claimDueDeliveries(now: clock.now, lease: 30, limit: 10).isEmpty)
        clock.advance(2)
        let again = try await fixture.database.claimDueDeliveries(now: clock.now, lease: 30, limit: 10)
        #expect(again.map(\.id) == first.map(\.id))
        #expect(again.first?.attempts == 2)
        #expect(again.first?.event.eventID == first.first?.event.eventID)
    }

    @Test func aDestinationRemovedFromThePolicyIsParkedNotLost() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let clock = TestClock(fixture.start)
        try await fixture.add()
        let worker = worker(fixture, clock: clock)
        try await worker.runOnce(DeliveryConfiguration(channels: [RecordingChannel(failures: 1)], settings: DeliverySettings()))
        clock.advance(3600)
        try await worker.runOnce(DeliveryConfiguration(channels: [], settings: DeliverySettings()))
        let parked = try await fixture.database.deliveries(status: .failed, limit: 10)
        #expect(parked.map(\.lastError) == ["this destination is no longer configured"])
    }

    @Test func aBatchedChannelGetsEverythingDueInOneSend() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let channel = RecordingChannel(destination: "email", batched: true)
        for index in 0..<3 { try await fixture.add("comment \(index)") }
        try await worker(fixture, clock: TestClock(fixture.start)).runOnce(DeliveryConfiguration(channels: [channel], settings: DeliverySettings()))
        #expect(channel.sent.map(\.count) == [3])
    }
}
