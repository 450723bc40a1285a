import Foundation
import HakamCore
import HakamNotify
import Synchronization

/// A channel that records what it is given and fails its first `failures` sends.
final class RecordingChannel: NotificationChannel {
    let destination: String
    let isBatched: Bool
    let events: Set<NotificationEventType>
    private let state: Mutex<(sent: [[NotificationFacts]], failuresLeft: Int)>

    init(destination: String = "webhook:test#1", events: Set<NotificationEventType> = Set(NotificationEventType.allCases),
         failures: Int = 0, batched: Bool = false) {
        self.destination = destination
        self.events = events
        self.isBatched = batched
        state = Mutex(([], failures))
    }

    var sent: [[NotificationFacts]] { state.withLock { $0.sent } }

    func hears(_ type: NotificationEventType, byModerator: Bool) -> Bool { type.isHeard(by: events, byModerator: byModerator) }
    func firstAttempt(now: Date) -> Date { now }

    func send(_ items: [NotificationFacts]) async throws(DeliveryFailure) {
        let fail = state.withLock { state -> Bool in
            if state.failuresLeft > 0 { state.failuresLeft -= 1; return true }
            state.sent.append(items)
            return false
        }
        if fail { throw DeliveryFailure("the receiver answered HTTP 503") }
    }
}
