import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HakamCore
import Testing
import HakamTestSupport

/// A moderator's decision made by the CLI in another process reaches the server's cached public
/// list on the next request (within a second), with a new entity tag.
@Suite("public list invalidation across processes")
struct PublicListInvalidationTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    func get(_ port: Int, _ path: String, ifNoneMatch: String? = nil) async throws -> (status: Int, etag: String?, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let ifNoneMatch { request.setValue(ifNoneMatch, forHTTPHeaderField: "If-None-Match") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "ETag"), String(decoding: data, as: UTF8.self))
    }

    func hakam(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = try #require(ServerProcess.binary)
        process.arguments = arguments + ["--db", f.databasePath, "--key-file", f.keyPath]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": f.directory.path, "USER": "moderator"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests (run `swift build` first)"))
    func aCLIApprovalIsSeenOnTheNextRequest() async throws {
        defer { try? FileManager.default.removeItem(at: f.directory) }
        _ = try await f.add("already published", action: .approve, minutesAgo: 30)
        let held = try await f.add("waiting for the moderator", minutesAgo: 20)
        let server = try ServerProcess(directory: f.directory, arguments: ["--db", f.databasePath, "--key-file", f.keyPath],
                                     logPath: f.directory.appendingPathComponent("server.log").path)
        defer { _ = server.stop() }

        for path in ["/comments?post=p", "/comments.html?post=p&lang=en"] {
            let before = try await get(server.port, path)
            #expect(before.status == 200 && before.body.contains("already published") && !before.body.contains("waiting for the moderator"))
            #expect(try await get(server.port, path, ifNoneMatch: before.etag).status == 304)
        }
        let tag = try #require(try await get(server.port, "/comments?post=p").etag)

        #expect(try hakam(["approve", "\(held)"]) == 0)
        let decided = Date()
        // The server reads the change signal at most every 100 ms: "the next request" may be one
        // that arrives within that window, so allow a few, all sent within the second. (What is
        // timed is when a request was sent, not when a loaded machine got its answer back.)
        var sentAt = Date()
        var latest = try await get(server.port, "/comments?post=p", ifNoneMatch: tag)
        while latest.status == 304, Date().timeIntervalSince(decided) < 1 {
            try await Task.sleep(for: .milliseconds(50))
            sentAt = Date()
            latest = try await get(server.port, "/comments?post=p", ifNoneMatch: tag)
        }
        #expect(latest.status == 200)
        #expect(latest.body.contains("waiting for the moderator"))
        #expect(latest.etag != tag)
        #expect(sentAt.timeIntervalSince(decided) < 1)
        let html = try await get(server.port, "/comments.html?post=p&lang=en")
        #expect(html.body.contains("waiting for the moderator"))
    }
}
