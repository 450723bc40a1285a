import Foundation
import HakamCore

/// Email to moderators: one message per event, or a digest of everything due every
/// `digestMinutes` (deliveries are first due at the next digest boundary, so they are
/// claimed together).
public struct EmailChannel: NotificationChannel {
    public let settings: EmailSettings
    let mailer: any Mailer
    let now: @Sendable () -> Date

    public init(settings: EmailSettings, mailer: any Mailer, now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.mailer = mailer
        self.now = now
    }

    public var destination: String { EmailSettings.destination }
    public var isBatched: Bool { settings.digestMinutes > 0 }

    public func hears(_ type: NotificationEventType, byModerator: Bool) -> Bool {
        type.isHeard(by: settings.events, byModerator: byModerator)
    }

    public func firstAttempt(now: Date) -> Date {
        guard settings.digestMinutes > 0 else { return now }
        let window = Double(settings.digestMinutes) * 60
        return Date(timeIntervalSince1970: (now.timeIntervalSince1970 / window).rounded(.up) * window)
    }

    public func send(_ items: [NotificationFacts]) async throws(DeliveryFailure) {
        guard !items.isEmpty else { return }
        let groups = isBatched ? [items] : items.map { [$0] }
        for group in groups {
            let email = ModeratorEmail(to: settings.to, from: settings.from, language: settings.language, items: group)
            let boundary = "hakam-" + UUID().uuidString.lowercased()
            try await mailer.deliver(message: Array(email.rendered(date: now(), boundary: boundary).utf8))
        }
    }
}
