import Foundation
import Synchronization

/// Requests per minute per client address, in memory (one process). A fixed one-minute window:
/// cheap, and a burst of at most twice the limit across a window edge is acceptable here.
final class RateLimiter: Sendable {
    private struct Window { var start: Date; var count: Int }
    private let windows = Mutex<[String: Window]>([:])
    private static let maximumTrackedClients = 100_000

    /// Counts one request; returns the seconds to wait when over the limit, nil when allowed.
    func admit(client: String, limit: Int, now: Date) -> Int? {
        windows.withLock { windows in
            if windows.count > Self.maximumTrackedClients {
                windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 }
            }
            var window = windows[client] ?? Window(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= 60 { window = Window(start: now, count: 0) }
            window.count += 1
            windows[client] = window
            guard window.count > limit else { return nil }
            return max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up)))
        }
    }
}
