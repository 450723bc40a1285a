import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HakamCore
import Testing
import HakamTestSupport

/// The outbox survives kill -9: a receiver that is down while comments arrive gets every event
/// once it is back and the server has been killed and restarted — each event under one id.
@Suite("deliveries survive kill -9 (binary)")
struct KillAndRestartDeliveryTests {
    static let comments = 8

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func everyEventArrivesAfterKillAndRestartUnderOneID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-kill-deliver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        try secret.write(to: directory.appendingPathComponent("hook.secret"), atomically: true, encoding: .utf8)
        let receiver = try await WebhookReceiver(key: StandardWebhookSignature.key(fromSecretFileText: secret))
        defer { receiver.stop() }
        receiver.setAccepting(false)
        try """
            moderation: all
            flood: {enabled: false}
            rate_limit: {enabled: false}
            duplicates: {enabled: false}
            notifications:
              webhooks:
                - url: \(receiver.url)
                  events: [comment.held]
                  secret_file: hook.secret
              delivery: {retry_base_seconds: 0.2, retry_max_seconds: 0.5, lease_seconds: 1, poll_seconds: 0.1, max_attempts: 100}
            """.write(to: directory.appendingPathComponent("policy.yml"), atomically: true, encoding: .utf8)
        let arguments = ["--db", directory.appendingPathComponent("hakam.sqlite").path, "--policy", directory.appendingPathComponent("policy.yml").path]

        var server = try ServerProcess(directory: directory, arguments: arguments)
        for index in 0..<Self.comments {
            let status = try await Self.postComment(port: server.port, body: "held comment \(index)")
            #expect(status == 201)
        }
        // Every event has been tried (and refused) at least once, then the server dies.
        try await Self.waitUntil("each event attempted") { Set(receiver.received.compactMap(\.id)).count == Self.comments }
        server.crash()
        #expect(receiver.accepted.isEmpty)

        receiver.setAccepting(true)
        server = try ServerProcess(directory: directory, arguments: arguments)
        try await Self.waitUntil("each event accepted") { Set(receiver.accepted.compactMap(\.id)).count == Self.comments }
        // The restarted server's metrics count what it sent, and nothing is left queued.
        var metrics = ""
        let deadline = Date().addingTimeInterval(20)
        while !metrics.contains("hakam_deliveries_queued 0"), Date() < deadline {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(server.port)/metrics")!)
            metrics = String(decoding: data, as: UTF8.self)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(metrics.contains("hakam_deliveries_queued 0"), "\(metrics)")
        #expect(metrics.contains(#"hakam_deliveries_sent_total{channel="webhook"} \#(Self.comments)"#), "\(metrics)")
        server.stop()

        let probe = try DatabaseProbe(path: arguments[1])
        let events = try await probe.outbox().map { ($0.eventID, $0.commentID) }
        #expect(events.count == Self.comments)
        #expect(Set(receiver.accepted.compactMap(\.id)) == Set(events.map(\.0)))
        // Every request about one comment, refused or accepted, before or after the kill, used its event's id.
        var idsByComment: [Int64: Set<String>] = [:]
        for request in receiver.received {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            let data = try #require(json["data"] as? [String: Any])
            let comment = try #require((data["comment_id"] as? NSNumber)?.int64Value)
            idsByComment[comment, default: []].insert(try #require(request.id))
            #expect(json["id"] as? String == request.id)
            #expect(request.signatureValid)
            PrivacyScan.expectClean(request.text)
            #expect(!request.text.contains("127.0.0.1"))
        }
        #expect(idsByComment.count == Self.comments)
        #expect(idsByComment.values.allSatisfy { $0.count == 1 })
        let unsent = try await probe.unsentDeliveryCount()
        #expect(unsent == 0)
    }

    static func postComment(port: Int, body: String) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/comments")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(OutboxFixture.userAgent, forHTTPHeaderField: "User-Agent")
        request.httpBody = Data(#"{"post":"news-1","name":"Ali","email":"\#(OutboxFixture.email)","body":"\#(body)"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    static func waitUntil(_ what: String, seconds: Double = 60, _ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { throw ServerProcess.Failure("timed out waiting: \(what)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

@Suite("hakam serve and notification secrets (binary)")
struct ServeSecretTests {
    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func anUnreadableSecretStopsTheStartAndNamesTheFileNotTheURL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            notifications:
              webhooks:
                - {url: 'https://hooks.example.org/T0/secret-path', secret_file: missing.secret}
            """.write(to: directory.appendingPathComponent("policy.yml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["serve", "--port", "0", "--db", directory.appendingPathComponent("h.sqlite").path,
                             "--policy", directory.appendingPathComponent("policy.yml").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("cannot read the webhook secret file \(directory.appendingPathComponent("missing.secret").path)"), "\(stderr)")
        #expect(!stderr.contains("secret-path"))
    }
}
