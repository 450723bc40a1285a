import Foundation
import HakamCore
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Per-address rate limit and `X-Forwarded-For`: believed only from configured proxies, so a
/// client cannot dodge the limit (or frame someone else) by writing the header itself.
@Suite("Abuse limits over a real socket")
struct AbuseLimitTests {
    static func policy(limit: Int, trusting proxies: [String]) -> Policy {
        var policy = TestApp.defaultPolicy
        policy.flood.enabled = false
        policy.rateLimit = RateLimitSettings(enabled: true, requestsPerMinute: limit)
        policy.trustedProxies = proxies.compactMap { IPNetwork(cidr: $0) }
        return policy
    }

    func statuses(_ client: some TestClientProtocol, forwardedFor: [String?]) async throws -> [Int] {
        var statuses: [Int] = []
        for (index, header) in forwardedFor.enumerated() {
            var headers: HTTPFields = [:]
            if let header { headers[.init("X-Forwarded-For")!] = header }
            let response = try await client.postJSON(comment(email: "r\(index)@example.com", body: "comment \(UUID().uuidString)"), extraHeaders: headers)
            statuses.append(Int(response.status.code))
            if response.status == .tooManyRequests {
                #expect(response.headers[.retryAfter].flatMap(Int.init).map { (1...60).contains($0) } == true)
                #expect(try response.json["error"] as? String == "rate_limited")
            }
        }
        return statuses
    }

    @Test func aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() async throws {
        let test = try TestApp(policy: Self.policy(limit: 2, trusting: []))
        defer { test.remove() }
        try await test.application().test(.live) { client in
            // Each request claims another address; the peer (127.0.0.1) is what counts.
            let result = try await statuses(client, forwardedFor: ["203.0.113.1", "203.0.113.2", "203.0.113.3"])
            #expect(result == [201, 201, 429])
        }
    }

    @Test func behindATrustedProxyEachClientHasItsOwnLimit() async throws {
        let test = try TestApp(policy: Self.policy(limit: 2, trusting: ["127.0.0.1/32", "::1/128"]))
        defer { test.remove() }
        try await test.application().test(.live) { client in
            let result1 = try await statuses(client, forwardedFor: ["203.0.113.1", "203.0.113.2", "203.0.113.3"])
            #expect(result1 == [201, 201, 201])
            // A client prepending a fake hop is still the address the proxy appended.
            let sameClient = try await statuses(client, forwardedFor: ["198.51.100.1, 203.0.113.9", "198.51.100.2, 203.0.113.9", "10.0.0.1, 203.0.113.9"])
            #expect(sameClient == [201, 201, 429])
            // A malformed header from the proxy falls back to the peer, never to the header's text.
            let garbage = try await statuses(client, forwardedFor: ["not-an-ip", "also not; an ip", "<script>"])
            #expect(garbage == [201, 201, 429])
        }
    }

    @Test func theLimitFollowsThePolicyWithoutRestart() async throws {
        let test = try TestApp(policy: Self.policy(limit: 1, trusting: []))
        defer { test.remove() }
        try await test.application().test(.live) { client in
            let result2 = try await statuses(client, forwardedFor: [nil, nil])
            #expect(result2 == [201, 429])
            test.services.policy.replace(with: Self.policy(limit: 5, trusting: []))
            let result3 = try await statuses(client, forwardedFor: [nil, nil, nil])
            #expect(result3 == [201, 201, 201])
            test.clock.advance(seconds: 61)
            test.services.policy.replace(with: Self.policy(limit: 0, trusting: []))
            let result4 = try await statuses(client, forwardedFor: [nil])
            #expect(result4 == [429])
        }
    }
}
