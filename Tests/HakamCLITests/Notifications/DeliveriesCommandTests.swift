import Foundation
import HakamCore
import HakamStore
import Testing
@testable import HakamCLI

@Suite("hakam deliveries and notify test")
struct DeliveriesCommandTests {
    /// Two held comments fanned out to one webhook; the first delivery parked after failures.
    static func seeded(_ fixture: ModerationCLIFixture) async throws -> (parked: Int64, pending: Int64) {
        try await fixture.add("first")
        try await fixture.add("second")
        let events = try await fixture.database.eventsToFanOut(limit: 10)
        try await fixture.database.fanOut(events.map { (eventRowID: $0.id, destinations: [(name: "webhook:hooks.example#abcd1234", dueAt: fixture.now)]) },
                                          now: fixture.now)
        let claimed = try await fixture.database.claimDueDeliveries(now: fixture.now, lease: 60, limit: 1)
        try await fixture.database.markDeliveryFailed(id: claimed[0].id, error: "the receiver answered HTTP 500", retryAt: nil)
        let pending = try await fixture.database.deliveries(status: .pending, limit: 5)
        return (claimed[0].id, pending[0].id)
    }

    @Test func listsPendingAndFailedThenRetries() async throws {
        let fixture = try ModerationCLIFixture()
        let ids = try await Self.seeded(fixture)

        let table = await fixture.run(["deliveries"])
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("failed") && table.stdout.contains("pending"))
        #expect(table.stdout.contains("the receiver answered"))  // cut to the terminal width; --json has it whole
        #expect(table.stdout.contains("comment.held"))

        let json = await fixture.run(["deliveries", "--status", "failed", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect((array.first?["id"] as? NSNumber)?.int64Value == ids.parked)
        #expect(array.first?["destination"] as? String == "webhook:hooks.example#abcd1234")
        #expect(array.first?["last_error"] as? String == "the receiver answered HTTP 500")
        #expect((array.first?["event_id"] as? String)?.hasPrefix("evt_") == true)
        for secret in fixture.secrets { #expect(!json.stdout.contains(secret) && !table.stdout.contains(secret)) }

        let retry = await fixture.run(["deliveries", "retry", String(ids.parked)])
        #expect(retry.exitCode == 0)
        #expect(retry.stdout.contains("delivery \(ids.parked) queued again"))
        #expect(try await fixture.database.deliveries(status: .failed, limit: 5).isEmpty)
        #expect(try await fixture.database.deliveries(status: .pending, limit: 5).count == 2)

        let missing = await fixture.run(["deliveries", "retry", "424242"])
        #expect(missing.exitCode == 1)
        #expect(missing.message.contains("no delivery with id 424242"))
        let bad = await fixture.run(["deliveries", "--status", "lost"])
        #expect(bad.exitCode == 64)
    }

    @Test func notifyTestReportsEachChannel() async throws {
        let fixture = try ModerationCLIFixture()
        let folder = fixture.directory
        let sendmail = folder.appendingPathComponent("sendmail").path
        try "#!/bin/sh\ncat > \(folder.path)/sample.eml\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        try "nope".write(to: folder.appendingPathComponent("hook.secret"), atomically: true, encoding: .utf8)
        let policy = folder.appendingPathComponent("policy.yml").path
        try """
            notifications:
              webhooks:
                - url: http://127.0.0.1:9/hook
                  secret_file: hook.secret
              email:
                to: [mods@example.org]
                sendmail: \(sendmail)
                language: en
            """.write(toFile: policy, atomically: true, encoding: .utf8)
        let result = await fixture.run(["notify", "test", "--policy", policy])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("ok      email"))
        #expect(result.stdout.contains("FAILED  webhook:127.0.0.1#"))
        #expect(result.message.contains("1 of 2 channels failed"))
        let message = try String(contentsOfFile: folder.appendingPathComponent("sample.eml").path, encoding: .utf8)
        #expect(message.contains("To: mods@example.org"))

        try "moderation: all\n".write(toFile: policy, atomically: true, encoding: .utf8)
        let none = await fixture.run(["notify", "test", "--policy", policy])
        #expect(none.exitCode == 1)
        #expect(none.message.contains("no notification channel is configured"))
    }

    @Test func aPolicyRefusesPlainHTTPOffLoopbackAndUnknownEvents() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-notify-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.yml").path
        let cases = [
            ("notifications:\n  webhooks:\n    - {url: 'http://hooks.example.org/x', secret_file: s}\n", "plain http is allowed only for loopback"),
            ("notifications:\n  webhooks:\n    - {url: 'https://hooks.example.org/x', events: [comment.eaten], secret_file: s}\n", "'comment.eaten' is not an event"),
            ("notifications:\n  webhooks:\n    - {url: 'https://hooks.example.org/x'}\n", "needs a secret_file"),
            ("notifications:\n  email: {to: ['Mods <m@example.org>']}\n", "is not an address"),
            ("notifications:\n  action_links: {base_url: 'ftp://x.example', expire_hours: 72}\n", "must be an https URL"),
        ]
        for (yaml, message) in cases {
            #expect(throws: PolicyError.self) { try PolicyLoader().parse(yaml, file: file) }
            do { _ = try PolicyLoader().parse(yaml, file: file) } catch { #expect(error.description.contains(message), "\(error.description)") }
        }
        let policy = try PolicyLoader().parse("""
            notifications:
              webhooks:
                - {url: 'http://127.0.0.1:8099/hook', secret_file: secrets/hook.secret, events: [comment.held]}
                - {url: 'https://hooks.slack.example/T000/B000/XXXX', format: slack}
              email: {to: [m@example.org], digest_minutes: 15, language: en}
              action_links: {base_url: 'https://comments.example.org', moderator: mona}
            """, file: file)
        #expect(policy.notifications.webhooks.first?.secretFile == folder.appendingPathComponent("secrets/hook.secret").standardizedFileURL.path)
        #expect(policy.notifications.webhooks.map(\.format) == [.standard, .slack])
        #expect(policy.notifications.email?.digestMinutes == 15)
        #expect(policy.notifications.actionLinks.expireHours == 72)
        #expect(!policy.notifications.destinations.contains { $0.contains("XXXX") })
    }
}
