import Foundation
import HakamCore

/// Posts each event to one URL: the standard JSON with Standard Webhooks signature headers, or
/// the Slack shape (signed as well when a secret is set; Slack ignores the headers).
public struct WebhookChannel: NotificationChannel {
    public let settings: WebhookSettings
    let key: [UInt8]?
    let language: NotificationLanguage
    let poster: any HTTPPoster
    let now: @Sendable () -> Date

    public init(settings: WebhookSettings, key: [UInt8]?, language: NotificationLanguage, poster: any HTTPPoster,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.key = key
        self.language = language
        self.poster = poster
        self.now = now
    }

    public var destination: String { settings.destination }
    public var isBatched: Bool { false }

    public func hears(_ type: NotificationEventType, byModerator: Bool) -> Bool {
        type.isHeard(by: settings.events, byModerator: byModerator)
    }

    public func firstAttempt(now: Date) -> Date { now }

    public func send(_ items: [NotificationFacts]) async throws(DeliveryFailure) {
        for facts in items {
            let body = settings.format == .slack ? WebhookBody.slack(facts, language: language) : WebhookBody.standard(facts)
            let timestamp = Int(now().timeIntervalSince1970)
            var headers = [("Content-Type", "application/json"), ("webhook-id", facts.eventID), ("webhook-timestamp", String(timestamp))]
            if let key {
                headers.append(("webhook-signature", StandardWebhookSignature.header(id: facts.eventID, timestamp: timestamp, body: body, key: key)))
            }
            let status = try await poster.post(url: settings.url, headers: headers, body: body)
            guard (200..<300).contains(status) else { throw DeliveryFailure("the receiver answered HTTP \(status)") }
        }
    }
}
