import Foundation
import HakamCore
import HakamStore
import Synchronization

/// Makes the channels a policy's `notifications:` and `publishing:` ask for, reading their
/// secrets from files. Publishing needs the store (the map of published copies); without one
/// (`hakam notify test`) only the notification channels are made.
public struct ChannelFactory: Sendable {
    let poster: any HTTPPoster
    let transport: any HTTPTransport
    let store: (any PublishingStore)?
    let now: @Sendable () -> Date

    public init(poster: any HTTPPoster = NIOHTTPPoster(), transport: any HTTPTransport = NIOHTTPPoster(),
                store: (any PublishingStore)? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        self.poster = poster
        self.transport = transport
        self.store = store
        self.now = now
    }

    /// The WordPress publisher for `settings`, with its Application Password read from its file.
    public func wordPressPublisher(_ settings: WordPressSettings, store: any PublishingStore) throws(DeliveryFailure) -> WordPressPublisher {
        let file = settings.applicationPasswordFile
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw DeliveryFailure("cannot read the WordPress application password file \(file)")
        }
        let password = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !password.isEmpty else { throw DeliveryFailure("the WordPress application password file \(file) is empty") }
        return WordPressPublisher(settings: settings, password: password, store: store, transport: transport, now: now)
    }

    /// Throws when a secret file cannot be read; the message names the file, never its content.
    public func configuration(
        for settings: NotificationSettings, publishing: PublishingSettings = .init()
    ) throws(DeliveryFailure) -> DeliveryConfiguration {
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
        if let wordpress = publishing.wordpress, let store {
            channels.append(WordPressChannel(publisher: try wordPressPublisher(wordpress, store: store)))
        }
        return DeliveryConfiguration(channels: channels, settings: settings.delivery)
    }
}

/// The configuration for the current policy, rebuilt only when `notifications:` or
/// `publishing:` changed (a SIGHUP reload); a reload whose secrets cannot be read keeps the
/// previous channels.
public final class DeliveryConfigurationCache: Sendable {
    private let factory: ChannelFactory
    private let state: Mutex<(settings: NotificationSettings, publishing: PublishingSettings, configuration: DeliveryConfiguration)>
    private let onError: @Sendable (DeliveryFailure) -> Void

    public init(
        factory: ChannelFactory, settings: NotificationSettings, publishing: PublishingSettings = .init(),
        onError: @escaping @Sendable (DeliveryFailure) -> Void
    ) throws(DeliveryFailure) {
        self.factory = factory
        self.onError = onError
        state = Mutex((settings, publishing, try factory.configuration(for: settings, publishing: publishing)))
    }

    public func configuration(for settings: NotificationSettings, publishing: PublishingSettings = .init()) -> DeliveryConfiguration {
        let current = state.withLock { $0 }
        guard current.settings != settings || current.publishing != publishing else { return current.configuration }
        do {
            let fresh = try factory.configuration(for: settings, publishing: publishing)
            state.withLock { $0 = (settings, publishing, fresh) }
            return fresh
        } catch {
            onError(error)
            state.withLock {
                $0.settings = settings
                $0.publishing = publishing
            }
            return current.configuration
        }
    }
}
