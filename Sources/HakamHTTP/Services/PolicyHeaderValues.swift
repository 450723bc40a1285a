import HakamService
import Synchronization

/// Response header values made from the policy (the public lists' `Cache-Control`, the pages'
/// `Content-Security-Policy`): made once per policy load instead of once per response, each of
/// which copied the whole policy and built the strings again.
final class PolicyHeaderValues: Sendable {
    struct Values: Sendable {
        let generation: Int
        let publicCacheControl: String
        let contentSecurityPolicy: String
    }

    private let holder: PolicyHolder
    private let cached = Mutex<Values?>(nil)

    init(holder: PolicyHolder) {
        self.holder = holder
    }

    /// The values for the current policy; a reload is seen by the next request.
    var current: Values {
        let generation = holder.generation
        if let values = cached.withLock({ $0 }), values.generation == generation { return values }
        let values = holder.read { policy, generation in
            Values(generation: generation, publicCacheControl: policy.publicCache.cacheControl,
                   contentSecurityPolicy: SecurityHeadersMiddleware.contentSecurityPolicy(allowedOrigins: policy.allowedOrigins))
        }
        cached.withLock { $0 = values }
        return values
    }
}
