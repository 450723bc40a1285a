import Foundation
import Testing
import HakamTestSupport
import HakamSQLite

/// The database's disk fills up while the server takes comments: 503 `storage_full` with
/// Retry-After and no private data, the database stays consistent, and the server recovers by
/// itself once space returns. Needs root to mount a 4 MiB tmpfs; skipped (visibly) otherwise.
@Suite("disk full (binary, tmpfs)")
struct DiskFullTests {
    /// A mounted tmpfs, or nil when this machine does not let us mount one.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") || FileManager.default.isExecutableFile(atPath: "/usr/bin/mount") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-mount-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil,
              shell("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path) == 0 else { return false }
        _ = shell("umount", probe.path)
        return true
    }()

    @discardableResult
    static func shell(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes zeros to `path` until the file system refuses (ENOSPC).
    static func fill(_ path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        defer { try? handle.close() }
        let chunk = Data(count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
    }

    @Test(.enabled(if: ServerProcess.binary != nil, "the hakam binary is not built next to the tests"),
          .enabled(if: canMount, "skipped: mounting a tmpfs needs root and mount permission (e.g. a privileged container)"))
    func aFullDiskIs503AndTheServerRecoversByItself() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-diskfull-\(UUID().uuidString)")
        let mount = base.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mount.path) == 0)
        defer {
            Self.shell("umount", "-l", mount.path)
            try? FileManager.default.removeItem(at: base)
        }
        let databasePath = mount.appendingPathComponent("hakam.sqlite").path
        let policy = base.appendingPathComponent("policy.yml")
        try "moderation: none\nflood: {enabled: false}\nrate_limit: {enabled: false}\nduplicates: {enabled: false}\n".write(to: policy, atomically: true, encoding: .utf8)
        let server = try ServerProcess(directory: base, arguments: ["--db", databasePath, "--policy", policy.path],
                                     logPath: base.appendingPathComponent("serve.log").path)
        let port = server.port
        let email = "full.disk.reader@private-mail.example"

        func post(_ index: Int) async -> RawHTTP.Reply? {
            let body = "comment \(index) " + String(repeating: "x", count: 8_000)
            return await onThread { RawHTTP.postJSON(port: port, #"{"post":"disk","name":"n","email":"\#(email)","body":"\#(body)"}"#) }
        }

        var acknowledged = 0
        #expect(await post(0)?.status == 201)
        acknowledged += 1
        Self.fill(mount.appendingPathComponent("filler").path)

        // SQLite may still have room in pages it already holds; keep posting until the disk says no.
        var full: RawHTTP.Reply?
        var statuses: [Int] = []
        for index in 1...400 {
            guard let reply = await post(index) else { statuses.append(0); break }
            statuses.append(reply.status)
            if reply.status == 201 { acknowledged += 1 } else { full = reply; break }
        }
        let refusal = try #require(full, "the full disk was never reported: \(statuses.suffix(5))")
        #expect(refusal.status == 503)
        #expect(refusal.body.contains("\"storage_full\""), "\(refusal.body)")
        #expect(refusal.body.contains("storage space"))
        #expect(Int(refusal.headers["retry-after"] ?? "").map { $0 > 0 } == true)
        #expect(!refusal.body.contains(email) && !refusal.body.contains("private-mail"))
        #expect(await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz")) }?.status == 200, "the process stays up")

        // Space returns: the next comment is stored, with no restart.
        try FileManager.default.removeItem(at: mount.appendingPathComponent("filler"))
        var recovered: Int?
        for attempt in 0..<20 where recovered != 201 {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(100)) }
            recovered = await post(1_000 + attempt)?.status
        }
        #expect(recovered == 201, "the server recovered by itself")
        acknowledged += 1
        #expect(server.stop() == 0)

        let probe = try DatabaseProbe(path: databasePath)
        #expect(try await probe.integrityCheck() == "ok")
        #expect(try await probe.count(.comments) == acknowledged, "every 201 is stored, nothing else")
        let log = try String(contentsOf: base.appendingPathComponent("serve.log"), encoding: .utf8)
        #expect(log.contains("storage full"))
        #expect(!log.contains(email))
    }
}
