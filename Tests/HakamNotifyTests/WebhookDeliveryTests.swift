import Foundation
import HakamCore
import HakamNotify
import HakamStore
@testable import HakamSQLite
import Logging
import Testing

/// Webhooks sent through the real HTTP client to a real receiver on loopback.
@Suite("webhook delivery")
struct WebhookDeliveryTests {
    static let secret = Array("a-shared-secret-for-tests".utf8)

    func settings(_ receiver: WebhookReceiver, format: WebhookSettings.Format = .standard) -> WebhookSettings {
        WebhookSettings(url: URL(string: receiver.url)!, events: Set(NotificationEventType.allCases), secretFile: nil, format: format)
    }

    func pass(_ fixture: OutboxFixture, _ channels: [any NotificationChannel]) async throws {
        let worker = DeliveryWorker(database: fixture.database, configuration: { fatalError() }, builder: NotificationFactsBuilder(),
                                    metrics: nil, logger: Logger(label: "test"))
        try await worker.runOnce(DeliveryConfiguration(channels: channels, settings: DeliverySettings()))
    }

    @Test func aSignedEventArrivesWithTheFieldsModeratorsNeedAndNothingPrivate() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let receiver = try await WebhookReceiver(key: Self.secret)
        defer { receiver.stop() }
        let id = try await fixture.add("رابط مريب http://spam.example اشترِ الآن", action: .hold, reasons: ["links.many", "words.spam"])
        try await pass(fixture, [WebhookChannel(settings: settings(receiver), key: Self.secret, language: .ar, poster: NIOHTTPPoster())])

        let request = try #require(receiver.received.first)
        #expect(receiver.received.count == 1)
        #expect(request.signatureValid)
        let event = try #require(try await fixture.outbox().first?.eventID)
        #expect(request.id == event)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(json["id"] as? String == event)
        #expect(json["type"] as? String == "comment.held")
        let data = try #require(json["data"] as? [String: Any])
        #expect((data["comment_id"] as? NSNumber)?.int64Value == id)
        #expect(data["post"] as? String == "news-1")
        #expect(data["status"] as? String == "pending")
        #expect((data["score"] as? NSNumber)?.doubleValue == 6)
        #expect((data["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["links.many", "words.spam"])
        #expect((data["excerpt"] as? String)?.hasPrefix("رابط مريب") == true)
        PrivacyScan.expectClean(request.text)
        #expect(try await fixture.database.deliveryCounts().sent == 1)
    }

    @Test func aReceiverThatRejectsTheSignatureLeavesTheDeliveryPending() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let receiver = try await WebhookReceiver(key: Self.secret)
        defer { receiver.stop() }
        try await fixture.add()
        let forged = WebhookChannel(settings: settings(receiver), key: Array("another secret".utf8), language: .en, poster: NIOHTTPPoster())
        try await pass(fixture, [forged])
        #expect(receiver.received.count == 1)
        #expect(receiver.received.first?.signatureValid == false)
        let pending = try #require(try await fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(pending.lastError == "the receiver answered HTTP 401")
        #expect(pending.attempts == 1)
    }

    @Test func anUnreachableReceiverIsAnErrorWithoutTheURL() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        try await fixture.add()
        // Port 9 (discard) on loopback: nothing listens.
        let webhook = WebhookSettings(url: URL(string: "http://127.0.0.1:9/secret-token-in-path")!, events: [.held], secretFile: nil, format: .slack)
        try await pass(fixture, [WebhookChannel(settings: webhook, key: nil, language: .en, poster: NIOHTTPPoster(timeout: 3))])
        let pending = try #require(try await fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(pending.lastError?.hasPrefix("request failed") == true)
        #expect(pending.lastError?.contains("secret-token") == false)
        #expect(pending.destination.hasPrefix("webhook:127.0.0.1#"))
    }

    @Test func theSlackShapeHasTextAndBlocks() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let receiver = try await WebhookReceiver(key: Self.secret)
        defer { receiver.stop() }
        try await fixture.add("<b>bold</b> & more", action: .spam)
        try await pass(fixture, [WebhookChannel(settings: settings(receiver, format: .slack), key: Self.secret, language: .en, poster: NIOHTTPPoster())])
        let request = try #require(receiver.received.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect((json["text"] as? String)?.contains("marked as spam") == true)
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "section")
        #expect(request.text.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"))
        PrivacyScan.expectClean(request.text)
    }
}
