import Foundation
import HTTPTypes
import HakamCore
import Hummingbird

/// What every submit endpoint does before reading the body: resolve the client's address and
/// apply the per-address rate limit.
struct SubmitGate {
    let services: AppServices
    let rateLimiter: RateLimiter

    func admit(_ request: Request, context: HakamRequestContext) throws(APIError) -> ClientFacts {
        let policy = services.policy.current
        let ip = ClientAddressResolver(trustedProxies: policy.trustedProxies)
            .resolve(peer: context.peerAddress, forwardedFor: request.headers[.xForwardedFor])
        if policy.rateLimit.enabled, let ip,
           let wait = rateLimiter.admit(client: ip, limit: policy.rateLimit.requestsPerMinute, now: services.now()) {
            services.metrics.recordRefusal(reason: "rate_limited")
            throw .rateLimited(retryAfterSeconds: wait)
        }
        return ClientFacts(ip: ip, userAgent: request.headers[.userAgent], referer: request.headers[.referer])
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
