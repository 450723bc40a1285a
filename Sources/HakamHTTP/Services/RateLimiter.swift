import Foundation
import HakamCore
import Synchronization

/// Requests per minute per client address, in memory (one process), as a token bucket: each
/// client may burst up to the limit, then gets one request back every `60 / limit` seconds. Unlike
/// a fixed window, there is no window edge across which a client can send twice the limit.
///
/// IPv6 clients are counted per /64 (one subscriber's prefix: a client owns billions of addresses
/// in it and could otherwise rotate through them). Memory is bounded: past `maximumTrackedClients`
/// full buckets (idle clients) are dropped at most once per second, and if the table is still full
/// every bucket is dropped — briefly lenient, never slow: without this, a flood of distinct
/// addresses would make every request scan the whole table under the lock.
final class RateLimiter: Sendable {
    /// `limit` is the policy's at the last request: a reloaded policy with another limit starts
    /// the client's bucket afresh (full) rather than keeping a count made under the old one.
    private struct Bucket { var tokens: Double; var updated: Date; var limit: Int }
    private struct State { var buckets: [String: Bucket] = [:]; var lastPrune = Date.distantPast }
    private let state = Mutex(State())
    private let maximumTrackedClients: Int

    init(maximumTrackedClients: Int = 100_000) {
        self.maximumTrackedClients = maximumTrackedClients
    }

    /// Takes one token for the client; returns the seconds until the next token when it has
    /// none (the `Retry-After`), nil when the request is allowed.
    func admit(client: String, limit: Int, now: Date) -> Int? {
        guard limit > 0 else { return 60 }
        let key = Self.bucket(for: client)
        let capacity = Double(limit)
        let perSecond = capacity / 60
        return state.withLock { state in
            if state.buckets.count >= maximumTrackedClients, state.buckets[key] == nil, now.timeIntervalSince(state.lastPrune) >= 1 {
                state.lastPrune = now
                // A bucket idle for a minute has refilled: forgetting it changes nothing.
                state.buckets = state.buckets.filter { now.timeIntervalSince($0.value.updated) < 60 }
                if state.buckets.count >= maximumTrackedClients { state.buckets.removeAll(keepingCapacity: true) }
            }
            var bucket = state.buckets[key] ?? Bucket(tokens: capacity, updated: now, limit: limit)
            if bucket.limit != limit { bucket = Bucket(tokens: capacity, updated: now, limit: limit) }
            let elapsed = max(0, now.timeIntervalSince(bucket.updated))
            bucket.tokens = min(capacity, bucket.tokens + elapsed * perSecond)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            if state.buckets.count < maximumTrackedClients || state.buckets[key] != nil { state.buckets[key] = bucket }
            guard !allowed else { return nil }
            return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
        }
    }

    /// The counting key: an IPv4 address itself, an IPv6 address's /64 prefix.
    static func bucket(for client: String) -> String {
        guard let bytes = IPNetwork.parseAddress(client), bytes.count == 16 else { return client }
        return "v6:" + bytes.prefix(8).map { String($0, radix: 16) }.joined(separator: ".")
    }
}
