import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HakamCore
import HakamStore
import Testing
import HakamTestSupport
import HakamSQLite

/// End-to-end: the built `hakam` binary on a temp database, as a moderator runs it.
@Suite("moderation commands (binary)")
struct ModerationBinaryTests {
    /// The `hakam` executable built next to the test bundle (`.build*/debug/hakam`).
    static let binary: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hakam")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ executable: String? = nil, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = try executable.map { URL(fileURLWithPath: $0) } ?? #require(Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = f.directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": f.directory.path, "USER": "binary-tester"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently with the child, so a full pipe cannot block it.
        let errData = Mutexed(Data())
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: errData.value, as: UTF8.self))
    }

    func hakam(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(nil, arguments + ["--db", f.databasePath, "--key-file", f.keyPath], environment: environment)
    }

    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests (run `swift build` first)"))
    func aModeratorClearsTheQueue() async throws {
        let parent = try await f.add("the parent", action: .approve, minutesAgo: 30)
        let reply = try await f.add("رد على التعليق", name: "سارة", parent: parent, minutesAgo: 20)
        let spam = try await f.add("cheap pills", reasons: [Reason(code: "word:pills", weight: 10)], minutesAgo: 10)
        _ = try hakam(["hold", "\(parent)"])

        let queue = try hakam(["queue"])
        #expect(queue.status == 0 && queue.stderr.isEmpty)
        #expect(queue.stdout.contains("#\(reply)") && queue.stdout.contains("سارة: رد على التعليق"))
        #expect(!queue.stdout.contains("\u{1B}["))

        let refused = try hakam(["approve", "\(reply)"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "error: #\(reply) replies to #\(parent), which is pending: approve #\(parent) first\n")

        let approved = try hakam(["approve", "\(parent)", "\(reply)", "--as", "mona"])
        #expect(approved.status == 0)
        #expect(approved.stdout == "#\(parent) pending → approved\n#\(reply) pending → approved\n")

        let spammed = try hakam(["spam", "--reason", "word:pills", "--yes"])
        #expect(spammed.stdout == "#\(spam) pending → spam\n")
        #expect(try hakam(["queue"]).stdout == "no pending comments\n")

        let show = try hakam(["show", "\(reply)"])
        #expect(show.status == 0 && show.stdout.contains("approve") && show.stdout.contains("mona"))
        let json = try hakam(["show", "\(reply)", "--json"])
        #expect(json.status == 0 && (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        for output in [queue, refused, approved, spammed, show, json] {
            for secret in f.secrets { #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret)) }
        }
        let revealed = try hakam(["show", "\(reply)", "--reveal-email"])
        #expect(revealed.stdout.contains(ModerationCLIFixture.secretEmail))
        #expect(try await f.events(reply).last?.actor == "binary-tester")
    }

    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests"))
    func exitCodesAndOneLineErrors() throws {
        let unknown = try hakam(["approve", "4242"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: no comment #4242\n")

        let missingDB = f.directory.appendingPathComponent("typo.sqlite").path
        let noDatabase = try run(nil, ["queue", "--db", missingDB])
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.split(separator: "\n").count == 1 && noDatabase.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: missingDB))

        let filterWithoutYes = try hakam(["trash", "--status", "pending"])
        #expect(filterWithoutYes.status == 0)  // nothing matches: nothing to confirm
        #expect(try hakam(["approve"]).status == 64)
        #expect(try hakam(["queue", "--status", "nope"]).status == 64)
        #expect(try hakam(["ban", "--email", "a@b.example", "--ip", "192.0.2.1"]).status == 64)
    }

    /// `hakam review` under a real pseudo-terminal: raw single keys, no Enter.
    @Test(.enabled(if: binary != nil && python != nil, "needs the hakam binary and python3 (for a pty)"))
    func reviewUnderAPseudoTerminal() async throws {
        let a = try await f.add("first", minutesAgo: 3)
        let b = try await f.add("second", minutesAgo: 2)
        let c = try await f.add("third", minutesAgo: 1)
        let d = try await f.add("fourth", minutesAgo: 0)
        let e = try await f.add("fifth", minutesAgo: -1)
        let script = f.directory.appendingPathComponent("review_pty.py")
        try """
            import os, pty, select, sys, time
            binary, db, key = sys.argv[1], sys.argv[2], sys.argv[3]
            pid, fd = pty.fork()
            if pid == 0:
                os.execve(binary, [binary, "review", "--db", db, "--key-file", key, "--as", "ptyuser"],
                          {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "NO_COLOR": "1"})
            out = b""
            def read_until(token, timeout=30):
                global out
                end = time.time() + timeout
                while token not in out and time.time() < end:
                    r, _, _ = select.select([fd], [], [], 0.2)
                    if r:
                        try:
                            chunk = os.read(fd, 4096)
                        except OSError:
                            return
                        if not chunk:
                            return
                        out += chunk
            for index, key in enumerate(sys.argv[4]):
                deadline = time.time() + 30
                while out.count(b"q quit]") <= index and time.time() < deadline:
                    read_until(b"\\n__never__", 0.3)
                os.write(fd, key.encode())
            read_until(b"reviewed ", 30)
            read_until(b"\\n__never__", 2)
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode("utf-8", "replace"))
            sys.exit(os.WEXITSTATUS(status))
            """.write(to: script, atomically: true, encoding: .utf8)
        let binaryPath = try #require(Self.binary).path
        let result = try run(Self.python, [script.path, binaryPath, f.databasePath, f.keyPath, "asthq"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[1 of 5]") && result.stdout.contains("[4 of 5]"))
        #expect(result.stdout.contains("reviewed 4 of 5: 1 approve, 1 spam, 1 trash, 1 held"))
        #expect(!result.stdout.contains("\u{1B}["))  // NO_COLOR on a terminal
        #expect(try await f.status(a) == .approved)
        #expect(try await f.status(b) == .spam)
        #expect(try await f.status(c) == .trash)
        #expect(try await f.status(d) == .pending)
        #expect(try await f.status(e) == .pending)
        #expect(try await f.events(c).last?.actor == "ptyuser")
    }

    /// The server keeps accepting comments while moderators decide on the same file; nothing is lost.
    @Test(.enabled(if: binary != nil, "the hakam binary is not built next to the tests"))
    func serverAndCLIShareTheDatabaseWithoutLosingWrites() async throws {
        let binaryURL = try #require(Self.binary)
        // A policy copy without flood or rate limits (`hakam init` writes the shipped policy and its lists).
        let policies = f.directory.appendingPathComponent("Policies")
        #expect(try run(nil, ["init", policies.path]).status == 0)
        let policyFile = policies.appendingPathComponent("default.yml")
        var policy = try String(contentsOf: policyFile, encoding: .utf8)
        policy = policy.replacingOccurrences(of: "flood:\n  enabled: true", with: "flood:\n  enabled: false")
        policy = policy.replacingOccurrences(of: "rate_limit:\n  enabled: true", with: "rate_limit:\n  enabled: false")
        try policy.write(to: policyFile, atomically: true, encoding: .utf8)

        var existing: [Int64] = []
        for index in 0..<20 { existing.append(try await f.add("existing \(index)", email: "e\(index)@example.com", minutesAgo: Double(100 - index))) }

        let server = Process()
        server.executableURL = binaryURL
        server.arguments = ["serve", "--port", "0", "--db", f.databasePath, "--key-file", f.keyPath, "--policy", policyFile.path]
        server.currentDirectoryURL = f.directory
        let serverOut = Pipe()
        server.standardOutput = serverOut
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while !buffer.contains(0x0A), Date() < deadline { buffer.append(serverOut.fileHandleForReading.availableData) }
        let line = String(decoding: buffer, as: UTF8.self)
        let port = try #require(Int(line.split(separator: "\n").first?.split(separator: ":").last ?? ""))

        let posts = 40
        async let created: Int = withTaskGroup(of: Int.self) { group in
            for index in 0..<posts {
                group.addTask {
                    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/comments")!)
                    request.httpMethod = "POST"
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.httpBody = Data(#"{"post":"live","name":"n\#(index)","email":"new\#(index)@example.com","body":"comment \#(index)"}"#.utf8)
                    let status = (try? await URLSession.shared.data(for: request)).flatMap { ($0.1 as? HTTPURLResponse)?.statusCode }
                    return status == 201 ? 1 : 0
                }
            }
            return await group.reduce(0, +)
        }
        // Meanwhile: moderators, each decision a separate process.
        var decisionStatuses: [Int32] = []
        for (index, id) in existing.enumerated() {
            decisionStatuses.append(try hakam([index.isMultiple(of: 2) ? "approve" : "spam", "\(id)"]).status)
        }
        let createdCount = await created
        #expect(createdCount == posts)
        #expect(decisionStatuses.allSatisfy { $0 == 0 })

        let comments = try await f.probe.count(.comments)
        let events = try await f.probe.count(.moderationEvents)
        let mismatchedAuthors = try await f.probe.authorsOutOfStep()
        #expect(comments == existing.count + posts)
        #expect(events == existing.count * 2 + posts)
        #expect(mismatchedAuthors == 0)
    }
}

/// A value set once from another thread.
final class Mutexed<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    private var wasSet = false
    init(_ value: Value) { stored = value }
    func set(_ value: Value) { lock.lock(); stored = value; wasSet = true; lock.unlock() }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return wasSet }
}
