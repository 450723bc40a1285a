import Foundation

/// `notifications:` in the policy: who is told of what, and how deliveries retry.
/// Secrets are read from their files when the channels start, never at policy load.
public struct NotificationSettings: Sendable, Equatable {
    public var webhooks: [WebhookSettings]
    public var email: EmailSettings?
    public var actionLinks: ActionLinkSettings
    public var delivery: DeliverySettings

    public init(webhooks: [WebhookSettings] = [], email: EmailSettings? = nil, actionLinks: ActionLinkSettings = .init(),
                delivery: DeliverySettings = .init()) {
        self.webhooks = webhooks
        self.email = email
        self.actionLinks = actionLinks
        self.delivery = delivery
    }

    /// Every channel's destination name, as deliveries record it.
    public var destinations: [String] {
        webhooks.map(\.destination) + (email == nil ? [] : [EmailSettings.destination])
    }
}

/// One webhook receiver.
public struct WebhookSettings: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        /// JSON event body with Standard Webhooks signature headers.
        case standard
        /// `{"text", "blocks"}` for Slack-style incoming webhooks (Mattermost, Rocket.Chat too).
        case slack
    }

    public var url: URL
    public var events: Set<NotificationEventType>
    /// Absolute path of the file holding the HMAC secret (policy paths are relative to its folder).
    public var secretFile: String?
    public var format: Format

    public init(url: URL, events: Set<NotificationEventType>, secretFile: String?, format: Format) {
        self.url = url
        self.events = events
        self.secretFile = secretFile
        self.format = format
    }

    /// The name deliveries record: host and a short hash of the URL, never the URL itself
    /// (a Slack-style URL is a secret).
    public var destination: String {
        "webhook:\(url.host ?? "?")#\(SHA256Digest.hex(url.absoluteString).prefix(8))"
    }
}

/// Email to moderators through the local mail transfer agent.
public struct EmailSettings: Sendable, Equatable {
    public static let destination = "email"

    public var to: [String]
    public var from: String?
    public var sendmail: String
    /// 0: one message per event; otherwise one digest per this many minutes.
    public var digestMinutes: Int
    public var language: NotificationLanguage
    public var events: Set<NotificationEventType>

    public init(to: [String], from: String? = nil, sendmail: String = "/usr/sbin/sendmail", digestMinutes: Int = 0,
                language: NotificationLanguage = .ar, events: Set<NotificationEventType> = [.held]) {
        self.to = to
        self.from = from
        self.sendmail = sendmail
        self.digestMinutes = digestMinutes
        self.language = language
        self.events = events
    }
}

public enum NotificationLanguage: String, Sendable, CaseIterable {
    case ar, en
}

/// Signed links in notifications that let a moderator act on a comment.
public struct ActionLinkSettings: Sendable, Equatable {
    /// Where moderators open the links (this server's public address); nil: no links.
    public var baseURL: URL?
    public var expireHours: Int
    /// The moderator the links act as (audited like `--as`).
    public var moderator: String

    public init(baseURL: URL? = nil, expireHours: Int = 72, moderator: String = "moderator") {
        self.baseURL = baseURL
        self.expireHours = expireHours
        self.moderator = moderator
    }
}

/// How the delivery worker retries.
public struct DeliverySettings: Sendable, Equatable {
    /// Attempts before a delivery is parked as failed.
    public var maxAttempts: Int
    /// Wait after the first failure; doubles with each failure, with jitter, up to `retryMaxSeconds`.
    public var retryBaseSeconds: Double
    public var retryMaxSeconds: Double
    /// How long a claimed delivery is left to its worker before another may take it (a worker
    /// killed mid-send).
    public var leaseSeconds: Double
    /// How often the worker looks for new events (the CLI writes them from another process).
    public var pollSeconds: Double
    /// Sent deliveries are forgotten after this many days.
    public var keepDays: Int

    public init(maxAttempts: Int = 15, retryBaseSeconds: Double = 10, retryMaxSeconds: Double = 3600, leaseSeconds: Double = 60,
                pollSeconds: Double = 2, keepDays: Int = 30) {
        self.maxAttempts = maxAttempts
        self.retryBaseSeconds = retryBaseSeconds
        self.retryMaxSeconds = retryMaxSeconds
        self.leaseSeconds = leaseSeconds
        self.pollSeconds = pollSeconds
        self.keepDays = keepDays
    }

    /// When to try again after `attempts` failed attempts; nil once they are used up (park).
    /// `jitter` in 0...1 (random in production) spreads retries of many deliveries apart.
    public func retryDelay(afterAttempts attempts: Int, jitter: Double) -> Double? {
        guard attempts < maxAttempts else { return nil }
        let exponential = retryBaseSeconds * pow(2, Double(max(0, attempts - 1)))
        let capped = min(retryMaxSeconds, exponential)
        // Between half and all of the step: never zero, never over the cap.
        return capped * (0.5 + 0.5 * min(1, max(0, jitter)))
    }
}
