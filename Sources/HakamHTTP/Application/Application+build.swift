import Hummingbird
import Logging
import NIOCore

/// Builds the router with every route and middleware; tests use it through `app.test(.router)`.
public func buildRouter(
    services: AppServices, bodyTimeout: Duration = .seconds(10), publicReadLogLevel: Logger.Level = .info
) -> Router<HakamRequestContext> {
    let router = Router(context: HakamRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: services.metrics, publicReadLevel: publicReadLogLevel))
    router.add(middleware: SecurityHeadersMiddleware(services: services))
    router.add(middleware: CommentsCORSMiddleware(services: services))
    let rateLimiter = RateLimiter()
    let bodyReader = RequestBodyReader(timeout: bodyTimeout)
    CommentsController(services: services, rateLimiter: rateLimiter, bodyReader: bodyReader).addRoutes(to: router)
    WordPressController(services: services, rateLimiter: rateLimiter, bodyReader: bodyReader).addRoutes(to: router)
    HealthController(services: services).addRoutes(to: router)
    PagesController(services: services).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    ActionLinkController(services: services).addRoutes(to: router)
    // Last: it sees every route, and wraps only the not-found responder.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}

/// Builds the whole application. `onListening` receives the bound address (with the real port
/// when 0 was asked for) once the server accepts connections.
public func buildApplication(
    services: AppServices,
    settings: HTTPServerSettings,
    logger: Logger,
    onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }
) -> some ApplicationProtocol {
    return Application(
        router: buildRouter(services: services, bodyTimeout: .seconds(settings.bodyTimeoutSeconds),
                            publicReadLogLevel: settings.publicReadLogLevel),
        server: .http1(configuration: .init(
            idleTimeout: .seconds(settings.idleTimeoutSeconds),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: settings.maximumHeaderBytes, maxHeaderListSize: settings.maximumHeaderBytes,
                maxHeaderFieldCount: settings.maximumHeaderFields))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Hakam"),
        onServerRunning: { channel in
            await onListening(settings.host, channel.localAddress?.port ?? settings.port)
        },
        logger: logger
    )
}
