import Foundation
import Testing
import HakamTestSupport

/// The privacy proof (issue #8): a realistic load — many readers with their own emails and
/// addresses behind a trusted proxy, both submit endpoints, refusals of every kind, a moderator
/// at work — then every byte the installation wrote (database, WAL, shared memory, server log,
/// CLI output, HTTP responses) is scanned for each email and address in plain text: zero hits.
/// (`Tests/HakamHTTPTests/PrivacyTests.swift` checks the same in-process for one reader.)
@Suite("privacy proof (binary)")
struct PrivacyProofTests {
    static let readers = 24

    let directory: URL
    var databasePath: String { directory.appendingPathComponent("hakam.sqlite").path }
    var logPath: String { directory.appendingPathComponent("serve.log").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    struct Reader {
        let email: String
        let ip: String
        /// What must never appear: the address as typed and lower-cased, its local part, the IP.
        var secrets: [String] { [email, email.lowercased(), String(email.split(separator: "@")[0]), ip] }
    }

    func databaseFilesText() -> String {
        ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: databasePath + $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    func hakam(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = try #require(ServerProcess.binary)
        process.arguments = arguments + ["--db", databasePath]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "USER": "privacy-tester"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func noEmailOrAddressIsWrittenAnywhereInPlainText() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = directory.appendingPathComponent("policy.yml")
        try "moderation: first_time\ntrusted_proxies: [127.0.0.1/32]\nrate_limit: {enabled: true, requests_per_minute: 1000}\nallowed_origins: [\"https://news.example\"]\n"
            .write(to: policy, atomically: true, encoding: .utf8)
        let server = try ServerProcess(directory: directory, arguments: ["--db", databasePath, "--policy", policy.path, "--log-level", "trace", "--log-format", "json"], logPath: logPath)
        let port = server.port
        let tag = UUID().uuidString.prefix(6).lowercased()
        let readers = (0..<Self.readers).map { index in
            Reader(email: "Reader.\(index).\(tag)@Privacy-Proof.example",
                   ip: index.isMultiple(of: 2) ? "198.51.100.\(index + 100)" : "2001:db8:\(tag.prefix(4)):77::\(index + 1)")
        }

        let responses: [String] = await onThread {
            var texts: [String] = []
            func record(_ reply: RawHTTP.Reply?) { texts.append(reply.map { "\($0.status) \($0.headers) \($0.body)" } ?? "") }
            for (index, reader) in readers.enumerated() {
                let forwarded = "X-Forwarded-For: \(reader.ip)"
                if index.isMultiple(of: 3) {
                    let form = "author=Reader+\(index)&email=\(reader.email.replacingOccurrences(of: "@", with: "%40"))&comment=Comment+\(index)+from+the+form&comment_post_ID=story-\(index % 4)"
                    record(RawHTTP.exchange(port: port, RawHTTP.request("POST", "/wp-comments-post.php", contentType: "application/x-www-form-urlencoded",
                                                                        body: Array(form.utf8), extraHeaders: [forwarded, "Referer: https://news.example/story"])))
                } else {
                    let json = #"{"post":"story-\#(index % 4)","name":"Reader \#(index)","email":"\#(reader.email)","body":"Comment \#(index), a considered opinion"}"#
                    record(RawHTTP.exchange(port: port, RawHTTP.request("POST", "/comments", contentType: "application/json", body: Array(json.utf8), extraHeaders: [forwarded])))
                }
                // Refusals of every kind, each carrying the private data in the request.
                if index.isMultiple(of: 5) {
                    let again = #"{"post":"story-9","name":"Reader \#(index)","email":"\#(reader.email)","body":"again, too soon"}"#
                    record(RawHTTP.exchange(port: port, RawHTTP.request("POST", "/comments", contentType: "application/json", body: Array(again.utf8), extraHeaders: [forwarded])))
                    let invalid = #"{"post":"story-1","name":"Reader","email":"\#(reader.email)@@","body":"bad address"}"#
                    record(RawHTTP.exchange(port: port, RawHTTP.request("POST", "/comments", contentType: "application/json", body: Array(invalid.utf8), extraHeaders: [forwarded])))
                    let malformed = #"{"post":"story-1","email":"\#(reader.email)","body":"#
                    record(RawHTTP.exchange(port: port, RawHTTP.request("POST", "/comments", contentType: "application/json", body: Array(malformed.utf8), extraHeaders: [forwarded])))
                }
            }
            for post in 0..<4 { record(RawHTTP.exchange(port: port, RawHTTP.request("GET", "/comments?post=story-\(post)"))) }
            record(RawHTTP.exchange(port: port, RawHTTP.request("GET", "/metrics")))
            return texts
        }
        #expect(responses.filter { $0.hasPrefix("201") || $0.hasPrefix("303") }.count == Self.readers, "every reader's comment was stored")
        #expect(responses.contains { $0.hasPrefix("429") } && responses.contains { $0.hasPrefix("422") } && responses.contains { $0.hasPrefix("400") })

        // A moderator at work, with the server still running (its WAL holds the latest pages).
        let whileRunning = databaseFilesText()
        var cliOutput = try hakam(["queue"])
        cliOutput += try hakam(["approve", "1", "2", "3"])
        cliOutput += try hakam(["show", "4", "--json"])
        _ = try hakam(["ban", "--email", readers[7].email, "--note", "test"])  // the moderator types the address; its echo is theirs
        cliOutput += try hakam(["bans"])
        #expect(cliOutput.contains("#4"), "the CLI did its work: \(cliOutput.prefix(300))")
        #expect(server.stop() == 0)
        let afterStop = databaseFilesText()
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.split(separator: "\n").count > Self.readers, "the server logged the load")

        // Case-insensitive, searched with the standard library: Foundation's
        // localizedCaseInsensitiveContains crashed (bad pointer in NSString.getCharacters) on the
        // megabytes of database text in one CI run.
        let haystacks: [(place: String, text: String)] = [("database/WAL (running)", whileRunning), ("database (stopped)", afterStop),
                                                           ("log", log), ("CLI output", cliOutput)].map { ($0.0, $0.1.lowercased()) }
            + responses.map { ("HTTP response", $0.lowercased()) }
        var hits: [String] = []
        for reader in readers {
            for secret in reader.secrets + ["privacy-proof.example"] {
                let needle = secret.lowercased()
                for place in Set(haystacks.filter { $0.text.firstRange(of: needle) != nil }.map(\.place)).sorted() {
                    hits.append("\(place): \(secret)")
                }
            }
        }
        #expect(hits.isEmpty, "plain-text private data found: \(hits.prefix(10))")
        print("privacy-proof: readers=\(Self.readers) requests=\(responses.count) database_bytes=\(afterStop.utf8.count) log_lines=\(log.split(separator: "\n").count) hits=\(hits.count)")
    }
}
