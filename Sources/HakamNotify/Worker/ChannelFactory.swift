import Foundation
import HakamCore
import Synchronization

/// Makes the channels a policy's `notifications:` asks for, reading their secrets from files.
public struct ChannelFactory: Sendable {
    let poster: any HTTPPoster
    let now: @Sendable () -> Date

    public init(poster: any HTTPPoster = NIOHTTPPoster(), now: @escaping @Sendable () -> Date = Date.init) {
        self.poster = poster
        self.now = now
    }

    /// Throws when a secret file cannot be read; the message names the file, never its content.
    public func configuration(for settings: NotificationSettings) throws(DeliveryFailure) -> DeliveryConfiguration {
        var channels: [any NotificationChannel] = []
        let language = settings.email?.language ?? .ar
        for webhook in settings.webhooks {
            var key: [UInt8]?
            if let file = webhook.secretFile {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw DeliveryFailure("cannot read the webhook secret file \(file)")
                }
                key = StandardWebhookSignature.key(fromSecretFileText: text)
                guard key?.isEmpty == false else { throw DeliveryFailure("the webhook secret file \(file) is empty") }
            }
            channels.append(WebhookChannel(settings: webhook, key: key, language: language, poster: poster, now: now))
        }
        if let email = settings.email {
            channels.append(EmailChannel(settings: email, mailer: SendmailMailer(path: email.sendmail), now: now))
        }
        return DeliveryConfiguration(channels: channels, settings: settings.delivery)
    }
}

/// The configuration for the current policy, rebuilt only when `notifications:` changed (a
/// SIGHUP reload); a reload whose secrets cannot be read keeps the previous channels.
public final class DeliveryConfigurationCache: Sendable {
    private let factory: ChannelFactory
    private let state: Mutex<(settings: NotificationSettings, configuration: DeliveryConfiguration)>
    private let onError: @Sendable (DeliveryFailure) -> Void

    public init(factory: ChannelFactory, settings: NotificationSettings, onError: @escaping @Sendable (DeliveryFailure) -> Void) throws(DeliveryFailure) {
        self.factory = factory
        self.onError = onError
        state = Mutex((settings, try factory.configuration(for: settings)))
    }

    public func configuration(for settings: NotificationSettings) -> DeliveryConfiguration {
        let current = state.withLock { $0 }
        guard current.settings != settings else { return current.configuration }
        do {
            let fresh = try factory.configuration(for: settings)
            state.withLock { $0 = (settings, fresh) }
            return fresh
        } catch {
            onError(error)
            state.withLock { $0.settings = settings }
            return current.configuration
        }
    }
}
