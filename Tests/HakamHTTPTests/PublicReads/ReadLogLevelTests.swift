import Foundation
import HakamCore
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `--read-log-level`: the access line of a public list read answered 200 or 304 is logged at
/// its level; every other request's line (a refused read's included) stays at `info`.
@Suite("access log level of public reads")
struct ReadLogLevelTests {
    /// The level of the access line the last request logged.
    private func lastAccessLevel(_ test: TestApp) throws -> String {
        let line = try #require(test.logs.all.split(separator: "\n").last { $0.contains(" request [") })
        return String(line.prefix { $0 != " " })
    }

    @Test func successfulReadsAtTheirLevelEverythingElseAtInfo() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 2)
        let app = buildApplication(services: test.services, settings: HTTPServerSettings(host: "127.0.0.1", port: 0, publicReadLogLevel: .debug),
                                   logger: test.logger)
        try await app.test(.router) { client in
            let list = try await client.execute(uri: "/comments?post=p", method: .get)
            #expect(list.status == .ok)
            #expect(try lastAccessLevel(test) == "debug")
            let etag = try #require(list.headers[.eTag])
            #expect(try await client.execute(uri: "/comments?post=p", method: .get, headers: [.ifNoneMatch: etag]).status == .notModified)
            #expect(try lastAccessLevel(test) == "debug")
            #expect(try await client.execute(uri: "/comments.html?post=p&lang=en", method: .get).status == .ok)
            #expect(try lastAccessLevel(test) == "debug")

            #expect(try await client.execute(uri: "/comments?post=", method: .get).status == .badRequest)
            #expect(try lastAccessLevel(test) == "info")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try lastAccessLevel(test) == "info")
        }
    }

    @Test func byDefaultTheRouterLogsReadsAtInfo() async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 1)
        try await test.application().test(.router) { client in
            let list = try await client.execute(uri: "/comments?post=p", method: .get)
            #expect(list.status == .ok)
            #expect(try lastAccessLevel(test) == "info")
        }
    }
}
