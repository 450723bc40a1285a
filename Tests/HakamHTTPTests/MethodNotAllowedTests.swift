import Foundation
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("405 for a method a route does not take")
struct MethodNotAllowedTests {
    /// Each routed path, a method it does not take, and the `Allow` it must list.
    static let cases: [(path: String, method: HTTPRequest.Method, allow: String)] = [
        ("/comments", .delete, "GET, POST"),
        ("/comments", .put, "GET, POST"),
        ("/wp-comments-post.php", .get, "POST"),
        ("/healthz", .post, "GET"),
        ("/openapi.yaml", .patch, "GET"),
    ]

    @Test func aKnownPathWithAnotherMethodGets405WithAllowAndAJSONError() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            for (path, method, allow) in Self.cases {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(try response.json["error"] as? String == "method_not_allowed")
                #expect(try (response.json["message"] as? String)?.contains(allow) == true)
            }
            let arabic = try await client.execute(uri: "/comments", method: .delete, headers: [.acceptLanguage: "ar"])
            #expect(arabic.status == .methodNotAllowed)
            #expect(try (arabic.json["message"] as? String)?.contains("الطرق المقبولة") == true)
        }
    }

    @Test func routedMethodsAndUnknownPathsAreUnchanged() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let unknown = try await client.execute(uri: "/no-such-page", method: .delete)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.allow] == nil)
            #expect(try await client.postJSON(comment()).status == .created)
        }
    }
}
