import Foundation
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("GET /openapi.yaml describes the real routes")
struct OpenAPITests {
    /// `METHOD /path` for every operation under `paths:` (two-space path keys, four-space methods).
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path,
                      let key = line.dropFirst(4).split(separator: ":").first, methods.contains(String(key)) {
                operations.insert("\(key.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let test = try TestApp()
        defer { test.remove() }
        let routes = Set(buildRouter(services: test.services).routes.map { route in
            let path = route.path.description
            return "\(route.method.rawValue) \(path.hasPrefix("/") ? path : "/" + path)"
        })
        let documented = Self.documentedOperations(OpenAPIDocument.yaml)
        #expect(routes.count >= 7, "\(routes)")
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.yaml: \(routes.subtracting(documented))")
        #expect(documented.subtracting(routes).isEmpty, "documented but not routed: \(documented.subtracting(routes))")
    }

    @Test func theDocumentIsServedAsYAML() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(response.bodyText == OpenAPIDocument.yaml)
            #expect(response.bodyText.hasPrefix("openapi: 3."))
        }
    }

    /// Every error code the API can answer with is listed in the document's Error schema.
    @Test func everyErrorCodeIsDocumented() {
        let codes = ["malformed_body", "invalid_utf8", "body_too_large", "unsupported_media_type", "duplicate", "too_fast",
                     "comments_closed", "banned", "rate_limited", "storage_unavailable", "storage_full", "request_timeout",
                     "bad_query", "validation_failed", "duplicate_key", "method_not_allowed"]
        for code in codes { #expect(OpenAPIDocument.yaml.contains(code), "\(code)") }
        for status in [400, 403, 408, 409, 413, 415, 422, 429, 503] {
            #expect(OpenAPIDocument.yaml.contains("\"\(status)\":"), "\(status)")
        }
    }
}
