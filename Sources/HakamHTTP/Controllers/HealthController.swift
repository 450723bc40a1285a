import Hummingbird

/// `/healthz` (the process answers), `/readyz` (the database takes writes), `/metrics` (Prometheus).
struct HealthController {
    let services: AppServices

    func addRoutes(to router: Router<HakamRequestContext>) {
        router.get("/healthz") { _, _ in Self.text("ok\n") }
        router.get("/readyz") { _, _ in
            await services.database.isWritable()
                ? Self.text("ready\n")
                : Self.text("database not writable\n", status: .serviceUnavailable, retryAfter: 5)
        }
        router.get("/metrics") { _, _ in
            if let depth = try? await services.database.pendingCount() { services.metrics.setPendingQueueDepth(depth) }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: services.metrics.render())))
        }
    }

    private static func text(_ body: String, status: HTTPResponse.Status = .ok, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
