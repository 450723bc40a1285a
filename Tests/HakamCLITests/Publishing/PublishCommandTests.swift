import Foundation
import HakamCore
import Testing
@testable import HakamCLI

/// `hakam publish wordpress` without a site to talk to: what it refuses and how it reports
/// failures. Publishing to a WordPress is tested in HakamNotifyTests (a fake REST API) and
/// Tests/WordPress/publish-e2e.sh (a real one).
@Suite("hakam publish wordpress")
struct PublishCommandTests {
    @Test func withoutPublishingConfiguredItSaysSo() async throws {
        let fixture = try ModerationCLIFixture()
        let result = await fixture.run(["publish", "wordpress"])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("publishing.wordpress is not configured"))
        #expect(await fixture.run(["publish", "wordpress", "--since", "yesterday"]).exitCode != 0)
    }

    @Test func anUnreachableSiteFailsEachCommentWithoutTheSecretAndExitsOne() async throws {
        let fixture = try ModerationCLIFixture()
        let secret = "s3cr et pa55 word"
        try Data((secret + "\n").utf8).write(to: fixture.directory.appendingPathComponent("wp.secret"))
        let policy = fixture.directory.appendingPathComponent("policy.yml")
        try """
            publishing:
              wordpress:
                url: http://127.0.0.1:9
                user: hakam-bot
                application_password_file: wp.secret

            """.write(to: policy, atomically: true, encoding: .utf8)
        // One approved comment: the HTTP client keeps trying a refused connection until its
        // timeout (10 s), so each failure here costs that long.
        let first = try await fixture.add("first", post: "42", action: .approve)
        try await fixture.add("held", action: .hold)
        let result = await fixture.run(["publish", "wordpress", "--policy", policy.path])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("1 comment could not be published"))
        #expect(result.stderr.contains("comment \(first): request failed: connection refused"))
        #expect(result.stdout.contains("wordpress:127.0.0.1:9: 0 created, 0 brought up to date, 1 failed, of 1 approved"))
        for text in [result.stdout, result.stderr, result.message] {
            #expect(!text.contains(secret) && !text.contains("s3cr"))
            for value in fixture.secrets { #expect(!text.contains(value)) }
        }
    }
}
