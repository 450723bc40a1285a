import Foundation
import HTTPTypes
import HakamCore
import Hummingbird

/// CORS for `/comments`: the site origins in the policy's `allowed_origins` (and Hakam's own
/// pages) may call the API from a browser, with a preflight for JSON. Any other origin gets no
/// CORS headers, its preflight is refused, and its `POST` is refused with 403 before the body
/// is read (a form-encoded POST needs no preflight, so the browser alone would not stop it).
struct CommentsCORSMiddleware: RouterMiddleware {
    typealias Context = HakamRequestContext
    let services: AppServices

    static let path = "/comments"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == Self.path else { return try await next(request, context) }
        guard let origin = request.headers[.origin] else {
            var response = try await next(request, context)
            response.headers[.vary] = "Origin"
            return response
        }
        let allowed = isAllowed(origin: origin, authority: request.head.authority)
        if request.method == .options {
            guard allowed else { return Self.refusal(request: request, status: .forbidden) }
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: origin, .accessControlAllowMethods: "GET, POST",
                .accessControlAllowHeaders: "Content-Type, Accept-Language", .accessControlMaxAge: "600", .vary: "Origin",
            ])
        }
        if !allowed, request.method == .post {
            services.metrics.recordRefusal(reason: "origin_not_allowed")
            return Self.refusal(request: request, status: .forbidden)
        }
        var response = try await next(request, context)
        response.headers[.vary] = "Origin"
        if allowed { response.headers[.accessControlAllowOrigin] = origin }
        return response
    }

    /// An allowed site origin, or this server's own origin (the demo page's script).
    func isAllowed(origin: String, authority: String?) -> Bool {
        guard let parsed = SiteOrigin(origin) else { return false }
        if services.policy.current.allowedOrigins.contains(parsed.serialized) { return true }
        guard let authority, let own = SiteOrigin("\(parsed.scheme)://\(authority)") else { return false }
        return own == parsed
    }

    private static func refusal(request: Request, status: HTTPResponse.Status) -> Response {
        let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
        let message = language == .arabic
            ? "هذا الموقع غير مسموح له بإرسال التعليقات إلى حَكَم."
            : "This site is not allowed to send comments to Hakam."
        let object = ["error": "origin_not_allowed", "message": message]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(status: status,
                        headers: [.contentType: "application/json; charset=utf-8", .vary: "Origin", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
