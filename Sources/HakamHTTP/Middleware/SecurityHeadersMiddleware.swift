import HTTPTypes
import Hummingbird

/// Adds the security headers to every HTML response (pages and error pages): a CSP that runs
/// only Hakam's own script and stylesheet (no inline code anywhere), `nosniff`, a referrer policy,
/// and `frame-ancestors` limited to this site and the policy's allowed origins.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = HakamRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard let type = response.headers[.contentType], Self.isHTML(type) else { return response }
        response.headers[.contentSecurityPolicy] = services.policyHeaders.current.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        return response
    }

    /// `text/html` in any case, without making a lowercased copy per response.
    static func isHTML(_ contentType: String) -> Bool {
        let prefix = "text/html".utf8
        var type = contentType.utf8.makeIterator()
        for expected in prefix {
            guard let byte = type.next(), byte | 0x20 == expected else { return false }
        }
        return true
    }

    /// `form-action` lists the allowed origins too: browsers check the form's redirect target,
    /// and the WordPress flow sends the reader back to the site.
    static func contentSecurityPolicy(allowedOrigins: [String]) -> String {
        let sites = (["'self'"] + allowedOrigins).joined(separator: " ")
        return [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "form-action \(sites)", "frame-ancestors \(sites)", "base-uri 'none'",
        ].joined(separator: "; ")
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
