import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// End-to-end: the built `hakam` binary as a user runs it.
@Suite("hakam serve, migrate and policy check (binary)")
struct ServeCommandTests {
    /// The `hakam` executable built next to the test bundle.
    static let binary: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hakam")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try #require(Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let (process, out, err) = try launch(arguments)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests (run `swift build` first)"))
    func serveOnEmbeddedDefaultsPrintsWhereItListensAndStopsCleanlyOnSIGTERM() async throws {
        let (process, out, _) = try launch(["serve", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        // The first stdout line is the contract: `listening on http://HOST:PORT`.
        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while !buffer.contains(0x0A), Date() < deadline {
            buffer.append(out.fileHandleForReading.availableData)
        }
        let firstLine = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"))
        let port = try #require(Int(firstLine.split(separator: ":").last ?? ""))
        #expect(port > 0)

        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/comments")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"post":"p","name":"n","email":"n@example.com","body":"مرحبا"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 201)

        // Embedded defaults: database and a 0600 key file in the working directory.
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("hakam.sqlite").path))
        let keyAttributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("hakam.sqlite.key").path)
        #expect((keyAttributes[.posixPermissions] as? Int) == 0o600)

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// Reads stdout until the `listening on` line and returns the port.
    func waitForPort(_ out: Pipe) throws -> Int {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while !buffer.contains(0x0A), Date() < deadline { buffer.append(out.fileHandleForReading.availableData) }
        let firstLine = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return try #require(Int(firstLine.split(separator: ":").last ?? ""), "first line: \(firstLine)")
    }

    func postComment(port: Int, post: String) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/comments")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"post":"\#(post)","name":"n","email":"n\#(UUID().uuidString.prefix(8))@example.com","body":"\#(UUID().uuidString)"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests"))
    func sighupReloadsThePolicyAndKeepsTheOldOneWhenTheNewIsBroken() async throws {
        let policy = directory.appendingPathComponent("policy.yml")
        try "moderation: none\nflood: {enabled: false}\nrate_limit: {enabled: false}\n".write(to: policy, atomically: true, encoding: .utf8)
        let (process, out, _) = try launch(["serve", "--port", "0", "--policy", policy.path])
        defer { if process.isRunning { process.terminate() } }
        let port = try waitForPort(out)
        #expect(try await postComment(port: port, post: "story") == 201)

        try "moderation: none\nflood: {enabled: false}\nrate_limit: {enabled: false}\nclosed_posts: [story]\n".write(to: policy, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        var status = 0
        for _ in 0..<50 where status != 403 {
            try await Task.sleep(for: .milliseconds(100))
            status = try await postComment(port: port, post: "story")
        }
        #expect(status == 403, "the reloaded policy closes the post")

        try "moderation: [broken\n".write(to: policy, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning)
        #expect(try await postComment(port: port, post: "story") == 403, "a broken file is refused; the running policy stays")
        #expect(try await postComment(port: port, post: "other") == 201)
        process.terminate()
        process.waitUntilExit()
    }

    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests"))
    func exitCodesFollowTheContract() throws {
        let migrate = try run(["migrate", "--db", "x.sqlite"])
        #expect(migrate.status == 0)
        #expect(migrate.stdout.contains("up to date"))

        let badPolicy = directory.appendingPathComponent("bad.yml")
        try "moderation: sometimes\n".write(to: badPolicy, atomically: true, encoding: .utf8)
        let check = try run(["policy", "check", badPolicy.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("bad.yml:1: moderation: must be one of"))
        #expect(check.stderr.split(separator: "\n").count == 1)

        let shipped = try run(["policy", "check"])
        #expect(shipped.status == 0)
        #expect(shipped.stdout.contains("default.yml: ok"))

        #expect(try run(["serve", "--port", "70000"]).status == 64)
        #expect(try run(["no-such-command"]).status == 64)
    }
}
