import Foundation
import HakamCore
import HakamHTTP
import HakamNotify
import Logging

extension ServeCommand {
    /// The outbox's delivery worker for this server, following the policy as it is reloaded.
    /// A secret file that cannot be read stops the start with a clear message.
    static func makeDeliveryWorker(services: AppServices, logger: Logger) throws -> DeliveryWorker {
        let cache: DeliveryConfigurationCache
        do {
            cache = try DeliveryConfigurationCache(
                factory: ChannelFactory(store: services.database), settings: services.policy.current.notifications,
                publishing: services.policy.current.publishing
            ) { failure in
                logger.error("notification channels not changed", metadata: ["error": .string(failure.message)])
            }
        } catch {
            throw CLIError("notifications: \(error.message)")
        }
        let policy = services.policy
        let signer = ActionLinkSigner(keys: services.protector.keys)
        let now = services.now
        let builder = NotificationFactsBuilder { commentID in
            let settings = policy.current.notifications.actionLinks
            guard let base = settings.baseURL else { return [] }
            return ActionLinkToken.Action.allCases.map { action in
                let token = signer.issue(commentID: commentID, action: action, moderator: settings.moderator, now: now(), hours: settings.expireHours)
                return ActionLink(action: action.rawValue, url: ActionLinkURL.make(base: base, token: token))
            }
        }
        return DeliveryWorker(
            database: services.database,
            configuration: {
                let current = policy.current
                return cache.configuration(for: current.notifications, publishing: current.publishing)
            },
            builder: builder, metrics: DeliveryMetrics(factory: services.metrics.metricsFactory),
            logger: Logger(label: "hakam.deliveries"))
    }
}
