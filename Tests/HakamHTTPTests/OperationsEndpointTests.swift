import Foundation
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

@Suite("Health, readiness and metrics")
struct OperationsEndpointTests {
    @Test func healthAndReadiness() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(ready.bodyText == "ready\n")
        }
    }

    @Test func readinessFailsWhileAnotherProcessHoldsTheWriteLock() async throws {
        let test = try TestApp(busyTimeout: 0.3)
        defer { test.remove() }
        // A second connection, as the CLI would have, takes the write lock and keeps it.
        let other = try WriteLockHolder(path: test.temporary.path, busyTimeout: 0.1)
        try await test.application().test(.router) { client in
            try await other.holdingWriteLock {
                let ready = try await client.execute(uri: "/readyz", method: .get)
                #expect(ready.status == .serviceUnavailable)
                let submit = try await client.postJSON(comment())
                #expect(submit.status == .serviceUnavailable)
                #expect(submit.headers[.retryAfter] != nil)
                #expect(try submit.json["error"] as? String == "storage_unavailable")
            }
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            #expect(try await client.postJSON(comment()).status == .created)
        }
    }

    @Test func metricsCountRequestsAndSubmissionsByOutcome() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            _ = try await client.postJSON(comment())
            _ = try await client.postJSON(["post": "x"])
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            let text = metrics.bodyText
            #expect(text.contains(#"hakam_http_requests_total{method="POST",route="/comments",status="201"} 1"#))
            #expect(text.contains(#"hakam_http_requests_total{method="POST",route="/comments",status="422"} 1"#))
            #expect(text.contains(#"hakam_submissions_total{status="pending"} 1"#))
            #expect(text.contains(#"hakam_submissions_refused_total{reason="validation"} 1"#))
            #expect(text.contains("hakam_pending_comments 1"))
            #expect(text.contains("hakam_http_request_duration_seconds_bucket"))
        }
    }
}
