import Foundation
@testable import HakamCore
import Testing

@Suite("PolicyLoader")
struct PolicyLoaderTests {
    static var shippedPolicyPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Policies/default.yml").path
    }

    @Test func theShippedPolicyLoadsWithTheDocumentedDefaults() throws {
        let policy = try PolicyLoader().load(path: Self.shippedPolicyPath)
        #expect(policy.moderation == .firstTime)
        #expect(policy.limits == FieldLimits(name: 245, email: 254, url: 200, body: 20_000))
        #expect(policy.thresholds == Thresholds(hold: 5, spam: 10, trash: 20))
        #expect(policy.flood == FloodSettings(enabled: true, minIntervalSeconds: 15))
        #expect(policy.rateLimit == RateLimitSettings(enabled: true, requestsPerMinute: 30))
        #expect(policy.links.holdAt == 2)
        #expect(policy.version.count == 64)
    }

    @Test func everyKeyIsRead() throws {
        let yaml = """
        moderation: none
        limits: {name: 50, email: 100, url: 80, body: 500}
        thresholds: {hold: 3, spam: 6, trash: 9}
        flood: {enabled: false, min_interval_seconds: 30}
        rate_limit: {enabled: true, requests_per_minute: 5}
        trusted_proxies: [10.0.0.0/8, "::1/128"]
        allowed_origins: ["https://News.Example", "http://localhost:8080"]
        closed_posts: [old-story]
        links: {hold_at: 4}
        duplicates: {enabled: false}
        """
        let policy = try PolicyLoader().parse(yaml, file: "test.yml")
        #expect(policy.moderation == ModerationMode.none)
        #expect(policy.limits == FieldLimits(name: 50, email: 100, url: 80, body: 500))
        #expect(policy.thresholds == Thresholds(hold: 3, spam: 6, trash: 9))
        #expect(policy.flood == FloodSettings(enabled: false, minIntervalSeconds: 30))
        #expect(policy.rateLimit.requestsPerMinute == 5)
        #expect(policy.trustedProxies.map(\.description) == ["10.0.0.0/8", "0:0:0:0:0:0:0:1/128"])
        #expect(policy.allowedOrigins == ["https://news.example", "http://localhost:8080"])
        #expect(policy.closedPosts == ["old-story"])
        #expect(policy.links.holdAt == 4)
        #expect(policy.duplicates.enabled == false)
    }

    struct BadPolicy: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int?
        let key: String?
        let fragment: String
        var testDescription: String { "\(key ?? "-"): \(fragment)" }
    }

    static let badPolicies: [BadPolicy] = [
        .init(yaml: "moderation: sometimes\n", line: 1, key: "moderation", fragment: "one of: all, first_time, none"),
        .init(yaml: "moderation: all\nthreshold: {hold: 1}\n", line: 2, key: "threshold", fragment: "unknown key"),
        .init(yaml: "limits:\n  name: 10\n  body: lots\n", line: 3, key: "limits.body", fragment: "whole number"),
        .init(yaml: "limits:\n  email: 300\n", line: 2, key: "limits.email", fragment: "254"),
        .init(yaml: "thresholds: {hold: 10, spam: 5, trash: 20}\n", line: 1, key: "thresholds", fragment: "hold <= spam"),
        .init(yaml: "flood:\n  enabled: maybe\n", line: 2, key: "flood.enabled", fragment: "true or false"),
        .init(yaml: "trusted_proxies: [10.0.0.0/33]\n", line: 1, key: "trusted_proxies", fragment: "CIDR"),
        .init(yaml: "allowed_origins: [\"https://news.example/path\"]\n", line: 1, key: "allowed_origins", fragment: "origin"),
        .init(yaml: "limits: [1, 2]\n", line: 1, key: "limits", fragment: "mapping"),
        .init(yaml: "moderation: all\n  bad: [\n", line: nil, key: nil, fragment: "not valid YAML"),
        .init(yaml: "", line: nil, key: nil, fragment: "empty"),
    ]

    @Test(arguments: badPolicies)
    func badPoliciesAreRefusedWithFileLineAndKey(_ bad: BadPolicy) {
        #expect {
            try PolicyLoader().parse(bad.yaml, file: "bad.yml")
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            let lineMatches = bad.line == nil || error.line == bad.line
            return error.file == "bad.yml" && lineMatches && error.key == bad.key && error.description.contains(bad.fragment)
        }
    }

    @Test func aMissingFileSaysWhichFile() {
        #expect {
            try PolicyLoader().load(path: "/nonexistent/policy.yml")
        } throws: { error in
            (error as? PolicyError)?.description.hasPrefix("/nonexistent/policy.yml: cannot read") == true
        }
    }
}
