import Foundation
@testable import HakamHTTP
import Testing

@Suite("Rate limiter")
struct RateLimiterTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func anIPv6ClientCannotDodgeTheLimitByRotatingAddressesInItsPrefix() {
        let limiter = RateLimiter()
        #expect(limiter.admit(client: "2001:db8:1:2::1", limit: 2, now: now) == nil)
        #expect(limiter.admit(client: "2001:db8:1:2:ffff::9", limit: 2, now: now) == nil)
        #expect(limiter.admit(client: "2001:db8:1:2:abcd:1:2:3", limit: 2, now: now) == 30, "one token back every 30 s")
        #expect(limiter.admit(client: "2001:db8:1:3::1", limit: 2, now: now) == nil, "another /64 is another client")
        #expect(limiter.admit(client: "192.0.2.1", limit: 1, now: now) == nil)
        #expect(limiter.admit(client: "192.0.2.2", limit: 1, now: now) == nil, "IPv4 addresses are counted one by one")
    }

    @Test func aFloodOfDistinctAddressesKeepsTheTableBoundedAndLimitsStillApply() {
        let limiter = RateLimiter(maximumTrackedClients: 1_000)
        for index in 0..<5_000 {
            _ = limiter.admit(client: "10.\(index / 65536).\(index / 256 % 256).\(index % 256)", limit: 5, now: now)
        }
        // A client seen after the flood is still counted.
        let later = now.addingTimeInterval(2)
        let results = (0..<3).map { _ in limiter.admit(client: "198.51.100.7", limit: 2, now: later) }
        #expect(results == [nil, nil, 30])
    }

    /// A token bucket: a burst up to the limit, then one request per `60 / limit` seconds, and no
    /// window edge to send twice the limit across. (30 per minute: half a token a second, exact
    /// in binary floating point.)
    @Test func aClientGetsItsBurstThenOneRequestPerRefillInterval() {
        let limiter = RateLimiter()
        let client = "192.0.2.9"
        let burst = (0..<30).map { _ in limiter.admit(client: client, limit: 30, now: now) }
        #expect(burst.allSatisfy { $0 == nil })
        #expect(limiter.admit(client: client, limit: 30, now: now) == 2)
        #expect(limiter.admit(client: client, limit: 30, now: now.addingTimeInterval(1)) == 1)
        #expect(limiter.admit(client: client, limit: 30, now: now.addingTimeInterval(2)) == nil)
        #expect(limiter.admit(client: client, limit: 30, now: now.addingTimeInterval(3)) == 1)
        // At t = 60 a fixed window would allow 30 more; the bucket holds 0.5 + 57 × 0.5 = 29 tokens.
        let atMinute = (0..<30).map { _ in limiter.admit(client: client, limit: 30, now: now.addingTimeInterval(60)) }
        #expect(atMinute.prefix(29).allSatisfy { $0 == nil })
        #expect(atMinute.last! != nil)
    }
}
