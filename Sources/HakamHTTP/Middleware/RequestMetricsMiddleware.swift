import Hummingbird
import Logging

/// Counts and times every request by route pattern and status, and logs one line per request
/// (method, route, status, duration, request id — never the query, body or client address).
///
/// The line of a public list read answered 200 or 304 is logged at `publicReadLevel`
/// (`--read-log-level`): those reads are most of the traffic, carry nothing to act on, and are
/// logged by the proxy or CDN in front anyway. Every other request's line, a failed read's
/// included, is at `info`; `/metrics` counts every request either way.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = HakamRequestContext
    let metrics: AppMetrics
    var publicReadLevel: Logger.Level = .info

    /// The public comment lists' routes.
    static let publicReadRoutes: Set<String> = ["/comments", "/comments.html"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            finish(method: method, context: context, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            finish(method: method, context: context, status: status, start: start)
            throw error
        }
    }

    private func finish(method: String, context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: method, route: route, status: status, durationNanoseconds: nanoseconds)
        let level = (status == 200 || status == 304) && method == "GET" && Self.publicReadRoutes.contains(route) ? publicReadLevel : .info
        // The metadata is built only when the level is enabled (an autoclosure).
        context.logger.log(level: level, "request", metadata: [
            "method": .string(method), "route": .string(route), "status": .stringConvertible(status),
            "ms": .string(Self.milliseconds(nanoseconds)),
        ])
    }

    /// `12.34`: two decimals, without `String(format:)` (a Foundation formatter per request).
    static func milliseconds(_ nanoseconds: Int64) -> String {
        let hundredths = (max(0, nanoseconds) + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

import Foundation
