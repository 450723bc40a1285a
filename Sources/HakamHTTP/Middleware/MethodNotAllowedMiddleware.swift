import HakamCore
import Hummingbird

/// A known path asked with a method it does not take gets 405 with `Allow` and the usual JSON error
/// body (RFC 9110 §15.5.6); unknown paths keep their 404. Added after the routes, so it wraps only the
/// router's not-found responder: matched routes never pass through it.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = HakamRequestContext

    /// Path → the methods routed for it, in a stable order for the `Allow` header.
    let methods: [String: [String]]

    init(routes: [Router<HakamRequestContext>.RouteDescription]) {
        var methods: [String: Set<String>] = [:]
        for route in routes {
            let path = route.path.description
            methods[path.hasPrefix("/") ? path : "/" + path, default: []].insert(route.method.rawValue)
        }
        self.methods = methods.mapValues { $0.sorted() }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = methods[request.uri.path], !allowed.contains(request.method.rawValue) else { throw error }
            let language = Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
            return APIError.methodNotAllowed(allowed: allowed).jsonResponse(language: language)
        }
    }
}
