import Foundation
import HakamCore
import Synchronization

/// Requests per minute per client address, in memory (one process). A fixed one-minute window:
/// cheap, and a burst of at most twice the limit across a window edge is acceptable here.
///
/// IPv6 clients are counted per /64 (one subscriber's prefix: a client owns billions of addresses
/// in it and could otherwise rotate through them). Memory is bounded: past `maximumTrackedClients`
/// expired windows are dropped at most once per second, and if the table is still full every
/// window is dropped — briefly lenient, never slow: without this, a flood of distinct addresses
/// would make every request scan the whole table under the lock.
final class RateLimiter: Sendable {
    private struct Window { var start: Date; var count: Int }
    private struct State { var windows: [String: Window] = [:]; var lastPrune = Date.distantPast }
    private let state = Mutex(State())
    private let maximumTrackedClients: Int

    init(maximumTrackedClients: Int = 100_000) {
        self.maximumTrackedClients = maximumTrackedClients
    }

    /// Counts one request; returns the seconds to wait when over the limit, nil when allowed.
    func admit(client: String, limit: Int, now: Date) -> Int? {
        let key = Self.bucket(for: client)
        return state.withLock { state in
            if state.windows.count >= maximumTrackedClients, state.windows[key] == nil, now.timeIntervalSince(state.lastPrune) >= 1 {
                state.lastPrune = now
                state.windows = state.windows.filter { now.timeIntervalSince($0.value.start) < 60 }
                if state.windows.count >= maximumTrackedClients { state.windows.removeAll(keepingCapacity: true) }
            }
            var window = state.windows[key] ?? Window(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= 60 { window = Window(start: now, count: 0) }
            window.count += 1
            if state.windows.count < maximumTrackedClients || state.windows[key] != nil { state.windows[key] = window }
            guard window.count > limit else { return nil }
            return max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up)))
        }
    }

    /// The counting key: an IPv4 address itself, an IPv6 address's /64 prefix.
    static func bucket(for client: String) -> String {
        guard let bytes = IPNetwork.parseAddress(client), bytes.count == 16 else { return client }
        return "v6:" + bytes.prefix(8).map { String($0, radix: 16) }.joined(separator: ".")
    }
}
