import Hummingbird
import Logging
import NIOCore

/// Builds the router with every route and middleware; tests use it through `app.test(.router)`.
public func buildRouter(services: AppServices) -> Router<HakamRequestContext> {
    let router = Router(context: HakamRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: services.metrics))
    router.add(middleware: SecurityHeadersMiddleware(services: services))
    router.add(middleware: CommentsCORSMiddleware(services: services))
    let rateLimiter = RateLimiter()
    CommentsController(services: services, rateLimiter: rateLimiter).addRoutes(to: router)
    WordPressController(services: services, rateLimiter: rateLimiter).addRoutes(to: router)
    HealthController(services: services).addRoutes(to: router)
    PagesController(services: services).addRoutes(to: router)
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
    Application(
        router: buildRouter(services: services),
        server: .http1(configuration: .init(idleTimeout: .seconds(settings.idleTimeoutSeconds))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Hakam"),
        onServerRunning: { channel in
            await onListening(settings.host, channel.localAddress?.port ?? settings.port)
        },
        logger: logger
    )
}
