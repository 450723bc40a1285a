import Foundation
import HakamCore
import HakamNotify
import Synchronization
import Testing

/// A SIGHUP reload changes the channels; a reload whose secret cannot be read keeps the old ones.
@Suite("channels follow policy reloads")
struct DeliveryConfigurationCacheTests {
    @Test func aChangedSectionRebuildsAndAnUnreadableSecretKeepsTheRunningChannels() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("hook.secret").path
        try "s3cret".write(toFile: secret, atomically: true, encoding: .utf8)
        func webhook(_ url: String, secretFile: String) -> WebhookSettings {
            WebhookSettings(url: URL(string: url)!, events: [.held], secretFile: secretFile, format: .standard)
        }
        let first = NotificationSettings(webhooks: [webhook("https://a.example/hook", secretFile: secret)])
        let errors = Mutex<[String]>([])
        let cache = try DeliveryConfigurationCache(factory: ChannelFactory(), settings: first) { failure in
            errors.withLock { $0.append(failure.message) }
        }
        #expect(cache.configuration(for: first).channels.map(\.destination) == first.destinations)

        let second = NotificationSettings(webhooks: [webhook("https://b.example/hook", secretFile: secret)],
                                          email: EmailSettings(to: ["m@example.org"]))
        #expect(cache.configuration(for: second).channels.map(\.destination) == second.destinations)

        let broken = NotificationSettings(webhooks: [webhook("https://c.example/hook", secretFile: folder.appendingPathComponent("gone").path)])
        #expect(cache.configuration(for: broken).channels.map(\.destination) == second.destinations)
        #expect(errors.withLock { $0 } == ["cannot read the webhook secret file \(folder.appendingPathComponent("gone").path)"])
        // Asked again with the same broken section: no rebuild, no second error.
        _ = cache.configuration(for: broken)
        #expect(errors.withLock { $0.count } == 1)
    }
}
