import Foundation
import Synchronization
import Testing
import HakamTestSupport
import HakamSQLite

/// Nothing acknowledged is lost: `hakam serve` is killed with SIGKILL while several clients post,
/// restarted, and every comment that got a 201 must be in the database exactly once.
/// `HAKAM_CRASH_ROUNDS` raises the number of rounds (Tests/Reliability/crash-soak.sh).
@Suite("crash safety (binary)")
struct CrashSafetyTests {
    static let clients = 6
    static var rounds: Int { ProcessInfo.processInfo.environment["HAKAM_CRASH_ROUNDS"].flatMap(Int.init) ?? 3 }

    let directory: URL
    var databasePath: String { directory.appendingPathComponent("hakam.sqlite").path }
    var logPath: String { directory.appendingPathComponent("serve.log").path }
    var arguments: [String] { ["--db", databasePath, "--policy", directory.appendingPathComponent("policy.yml").path] }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Every comment stored, nothing refused for speed or sameness: only crashes can lose one.
        try "moderation: none\nflood: {enabled: false}\nrate_limit: {enabled: false}\nduplicates: {enabled: false}\n"
            .write(to: directory.appendingPathComponent("policy.yml"), atomically: true, encoding: .utf8)
    }

    /// What the clients saw: the marker of every comment that got a 201, and how many requests got no answer.
    final class Ledger: Sendable {
        private let state = Mutex((acknowledged: [String](), unanswered: 0, otherStatuses: [Int]()))
        private let stopped = Atomic(false)
        func record(_ marker: String, _ reply: RawHTTP.Reply?) {
            state.withLock {
                switch reply?.status {
                case 201: $0.acknowledged.append(marker)
                case nil: $0.unanswered += 1
                case let status?: $0.otherStatuses.append(status)
                }
            }
        }
        func stop() { stopped.store(true, ordering: .relaxed) }
        var isStopped: Bool { stopped.load(ordering: .relaxed) }
        var acknowledged: [String] { state.withLock { $0.acknowledged } }
        var unanswered: Int { state.withLock { $0.unanswered } }
        var otherStatuses: [Int] { state.withLock { $0.otherStatuses } }
    }

    /// `clients` threads posting unique comments until `ledger.stop()`; returns when all have stopped.
    static func load(port: Int, round: String, ledger: Ledger, untilStopped: Bool = true) async {
        await withTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask {
                    await onThread {
                        var index = 0
                        while !ledger.isStopped {
                            let marker = "mk-\(round)-\(client)-\(index)-\(UUID().uuidString.prefix(8))"
                            let json = #"{"post":"crash","name":"reader \#(client)","email":"r\#(client)@example.com","body":"comment \#(marker)"}"#
                            let reply = RawHTTP.postJSON(port: port, json, timeoutSeconds: 10)
                            ledger.record(marker, reply)
                            index += 1
                            if reply == nil { break }  // the server is gone
                        }
                    }
                }
            }
        }
    }

    func bodiesByMarker() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for body in try await DatabaseProbe(path: databasePath).bodies(post: "crash") {
            if let marker = body.split(separator: " ").last { counts[String(marker), default: 0] += 1 }
        }
        return counts
    }

    func integrityCheck() async throws -> String {
        try await DatabaseProbe(path: databasePath).integrityCheck()
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func everyAcknowledgedCommentSurvivesKill9() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = Ledger()
        for round in 0..<Self.rounds {
            let server = try ServerProcess(directory: directory, arguments: arguments, logPath: logPath)
            let roundLedger = Ledger()
            async let clients: Void = Self.load(port: server.port, round: "\(round)", ledger: roundLedger)
            // Kill at a random moment once comments flow, some while requests are mid-write.
            for _ in 0..<200 where roundLedger.acknowledged.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 50...600)))
            server.crash()
            roundLedger.stop()
            await clients
            for marker in roundLedger.acknowledged { ledger.record(marker, RawHTTP.Reply(status: 201, headers: [:], body: "")) }
            #expect(roundLedger.otherStatuses.isEmpty, "round \(round): unexpected statuses \(roundLedger.otherStatuses)")
            #expect(!roundLedger.acknowledged.isEmpty, "round \(round): no comment was acknowledged before the kill")
        }

        // The server comes back on the crashed database and serves.
        let server = try ServerProcess(directory: directory, arguments: arguments, logPath: logPath)
        let after = await onThread { RawHTTP.postJSON(port: server.port, #"{"post":"after","name":"n","email":"n@example.com","body":"after the crashes"}"#) }
        #expect(after?.status == 201)
        #expect(server.stop() == 0)

        #expect(try await integrityCheck() == "ok")
        let found = try await bodiesByMarker()
        let acknowledged = ledger.acknowledged
        let missing = acknowledged.filter { found[$0] == nil }
        let repeated = found.filter { $0.value > 1 }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(5))")
        #expect(repeated.isEmpty, "stored more than once: \(repeated.prefix(5))")
        // The figure RELIABILITY.md quotes (crash-soak.sh greps it).
        print("crash-safety: rounds=\(Self.rounds) acknowledged=\(acknowledged.count) found=\(acknowledged.count - missing.count) stored_total=\(found.count) duplicates=\(repeated.count) integrity=ok")
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"))
    func sigtermDrainsInFlightRequestsThenExitsZero() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // A long body deadline: this test is about the drain, not about slow clients.
        let server = try ServerProcess(directory: directory, arguments: arguments + ["--body-timeout", "120"], logPath: logPath)
        let ledger = Ledger()
        async let clients: Void = Self.load(port: server.port, round: "term", ledger: ledger)
        for _ in 0..<200 where ledger.acknowledged.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        // A request whose body is still arriving when SIGTERM comes: it must be answered.
        let json = Array(#"{"post":"crash","name":"n","email":"n@example.com","body":"comment mk-inflight"}"#.utf8)
        let fd = try #require(RawHTTP.connect(port: server.port))
        defer { close(fd) }
        RawHTTP.send(fd, RawHTTP.request("POST", "/comments", contentType: "application/json", body: json).dropLast(20).map { $0 })
        try await Task.sleep(for: .milliseconds(200))

        async let exitStatus = onThread { server.stop() }
        try await Task.sleep(for: .milliseconds(200))
        RawHTTP.send(fd, Array(json.suffix(20)))
        let inFlight = await onThread { RawHTTP.receive(fd) }
        #expect(inFlight?.status == 201, "the in-flight request was answered")
        #expect(await exitStatus == 0)
        ledger.stop()
        await clients

        #expect(try await integrityCheck() == "ok")
        let found = try await bodiesByMarker()
        #expect(found["mk-inflight"] == 1)
        let missing = ledger.acknowledged.filter { found[$0] != 1 }
        #expect(!ledger.acknowledged.isEmpty)
        #expect(missing.isEmpty, "acknowledged but lost on SIGTERM: \(missing.prefix(5))")
    }
}
