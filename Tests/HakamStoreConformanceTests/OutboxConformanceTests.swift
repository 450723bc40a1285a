import Foundation
import HakamCore
import HakamStore
import Testing

/// The outbox and action links, on every backend: the database writes the events, fan-out is
/// idempotent, a claim is exclusive until its lease runs out, and an action link works once.
@Suite struct OutboxConformanceTests {
    @Test(arguments: StoreBackend.available)
    func changesWriteEvents(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let held = try await f.add("waiting", action: .hold)
            _ = try await f.add("junk", email: "spam@example.org", action: .spam, minutes: 1, ip: "198.51.100.2")
            _ = try await f.add("binned", email: "bin@example.org", action: .trash, minutes: 2, ip: "198.51.100.3")
            _ = try await f.store.decide(commentID: held, action: .approve, actor: "mona", note: nil, expecting: nil, now: f.at(minutes: 3))
            // No change, no event.
            _ = try await f.store.decide(commentID: held, action: .approve, actor: "mona", note: nil, expecting: nil, now: f.at(minutes: 4))
            _ = try await f.store.banAuthor(ofComment: held, expiresAt: nil, note: nil, actor: "mona", now: f.at(minutes: 5))

            let events = try await f.store.eventsToFanOut(limit: 10)
            #expect(events.map(\.type) == ["comment.held", "comment.spam", "comment.approved", "author.banned"])
            #expect(events[2].commentID == held)
            #expect(events[2].fromStatus == .pending && events[2].toStatus == .approved)
            #expect(events[2].actor == "mona")
            #expect(events[3].banID != nil && events[3].commentID == nil)
            #expect(Set(events.map(\.eventID)).count == 4)
            #expect(events.allSatisfy { $0.eventID.hasPrefix("evt_") })

            let subject = try await f.store.outboxSubject(of: events[0])
            #expect(subject.comment?.id == held)
            #expect(subject.comment?.body == "waiting")
            let ban = try await f.store.outboxSubject(of: events[3])
            #expect(ban.ban?.kind == .email)
        }
    }

    @Test(arguments: StoreBackend.available)
    func fanOutClaimSendRetryAndPrune(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            _ = try await f.add("one", action: .hold)
            _ = try await f.add("two", email: "sara@example.org", action: .hold, minutes: 1, ip: "198.51.100.9")
            let now = f.at(minutes: 10)
            let events = try await f.store.eventsToFanOut(limit: 10)
            #expect(events.count == 2)
            let plan = events.map { (eventRowID: $0.id, destinations: [(name: "email", dueAt: now), (name: "webhook:a#1", dueAt: now)]) }
            try await f.store.fanOut(plan, now: now)
            // Repeating the fan-out (a worker that died before it noted it) adds nothing.
            try await f.store.fanOut(plan, now: now)
            #expect(try await f.store.eventsToFanOut(limit: 10).isEmpty)
            #expect(try await f.store.deliveryCounts() == DeliveryCounts(pending: 4, sent: 0, failed: 0, unfannedEvents: 0))

            // A claim holds its deliveries until its lease runs out, and counts the attempt.
            let first = try await f.store.claimDueDeliveries(now: now, lease: 60, limit: 3, destinations: nil)
            #expect(first.count == 3)
            #expect(first.allSatisfy { $0.attempts == 1 && $0.status == .pending })
            let second = try await f.store.claimDueDeliveries(now: now, lease: 60, limit: 10, destinations: nil)
            #expect(second.count == 1)
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            #expect(try await f.store.claimDueDeliveries(now: now.addingTimeInterval(30), lease: 60, limit: 10, destinations: nil).isEmpty)
            let expired = try await f.store.claimDueDeliveries(now: now.addingTimeInterval(61), lease: 60, limit: 10, destinations: ["email"])
            #expect(expired.count == 2)
            #expect(expired.allSatisfy { $0.destination == "email" && $0.attempts == 2 })
            #expect(try await f.store.claimDueDeliveries(now: now, lease: 60, limit: 10, destinations: []).isEmpty)

            let later = now.addingTimeInterval(120)
            try await f.store.markDeliverySent(id: expired[0].id, now: later)
            try await f.store.markDeliveryFailed(id: expired[1].id, error: "the receiver answered HTTP 500", retryAt: nil)
            let retrying = second[0].id
            try await f.store.markDeliveryFailed(id: retrying, error: "timed out", retryAt: later.addingTimeInterval(300))
            #expect(try await f.store.deliveryCounts() == DeliveryCounts(pending: 2, sent: 1, failed: 1, unfannedEvents: 0))

            let failed = try await f.store.deliveries(status: .failed, limit: 10)
            #expect(failed.map(\.id) == [expired[1].id])
            #expect(failed[0].lastError == "the receiver answered HTTP 500")
            #expect(failed[0].event.type == "comment.held")
            let open = try await f.store.deliveries(status: nil, limit: 10)
            #expect(open.map(\.id) == open.map(\.id).sorted(by: >))
            #expect(Set(open.map(\.status)) == [.pending, .failed])
            #expect(try await f.store.deliveries(status: .sent, limit: 10).first?.sentAt != nil)

            #expect(try await f.store.retryDelivery(id: expired[1].id, now: later))
            #expect(try await f.store.retryDelivery(id: 999_999, now: later) == false)
            let retried = try await f.store.claimDueDeliveries(now: later, lease: 60, limit: 10, destinations: ["email"])
            #expect(retried.map(\.id) == [expired[1].id])
            #expect(retried[0].attempts == 1)

            // Pruning forgets sent deliveries only; events that still have deliveries stay.
            _ = try await f.store.pruneOutbox(before: later.addingTimeInterval(86_400))
            #expect(try await f.store.deliveryCounts().sent == 0)
            #expect(try await f.store.deliveryCounts().pending == 3)
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentWorkersNeverClaimTheSameDelivery(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            for n in 0..<6 {
                _ = try await f.add("comment \(n)", email: "r\(n)@example.org", action: .hold, minutes: Double(n), ip: "198.51.100.\(n + 1)")
            }
            let now = f.at(minutes: 10)
            let destinations = (0..<5).map { (name: "webhook:h#\($0)", dueAt: now) }
            try await f.store.fanOut(try await f.store.eventsToFanOut(limit: 10).map { (eventRowID: $0.id, destinations: destinations) }, now: now)
            let store = f.store
            let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let batch = try await store.claimDueDeliveries(now: now, lease: 600, limit: 3, destinations: nil)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 30)
            #expect(Set(all).count == 30)
        }
    }

    @Test(arguments: StoreBackend.available)
    func anActionLinkWorksOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let id = try await f.add("waiting", action: .hold)
            #expect(try await f.store.isActionLinkUsed(nonce: "n1") == false)
            let outcome = try await f.store.useActionLink(nonce: "n1", commentID: id, action: .approve, moderator: "mona", now: f.at(minutes: 1))
            #expect(outcome.from == .pending && outcome.to == .approved)
            #expect(try await f.store.isActionLinkUsed(nonce: "n1"))
            await #expect(throws: ActionLinkError.alreadyUsed) {
                _ = try await f.store.useActionLink(nonce: "n1", commentID: id, action: .trash, moderator: "mona", now: f.at(minutes: 2))
            }
            #expect(try await f.store.comment(id: id)?.status == .approved)
            #expect(try await f.store.history(commentID: id).last?.actor == "mona")

            // A ban link bans the author by the stored email hash and marks the comment spam.
            let banned = try await f.store.useActionLink(nonce: "n2", commentID: id, action: .ban, moderator: "mona", now: f.at(minutes: 3))
            #expect(banned.to == .spam)
            let bans = try await f.store.bans(includeInactive: false, now: f.at(minutes: 3))
            #expect(bans.map(\.kind) == [.email])
            #expect(bans.first?.value == (try f.emailHash("ali@example.com")))
        }
    }
}
