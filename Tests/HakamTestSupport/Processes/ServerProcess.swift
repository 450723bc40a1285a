import Foundation

/// `hakam serve --port 0 ARGUMENTS` on a test's folder, as an operator runs it. Its stderr (the
/// log) is appended to `logPath`, so privacy and crash tests can read every line it ever wrote.
public final class ServerProcess: @unchecked Sendable {
    /// The `hakam` executable built next to the test bundle.
    public static let binary: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hakam")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    public let process = Process()
    public let port: Int
    public let logPath: String

    /// Starts the server and waits for its `listening on` line. `logPath` defaults to
    /// `serve.log` in `directory`.
    public init(directory: URL, arguments: [String], logPath: String? = nil) throws {
        guard let binary = Self.binary else { throw Failure("the hakam binary is not built") }
        let logPath = logPath ?? directory.appendingPathComponent("serve.log").path
        self.logPath = logPath
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        if !FileManager.default.fileExists(atPath: logPath) { FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        let out = Pipe()
        process.standardOutput = out
        process.standardError = log
        try process.run()
        try? log.close()

        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while !buffer.contains(0x0A), Date() < deadline {
            let more = out.fileHandleForReading.availableData
            if more.isEmpty { break }  // EOF: the process exited
            buffer.append(more)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("listening on "), let port = Int(line.split(separator: ":").last ?? "") else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure("hakam serve did not start (exit \(process.terminationStatus)); first line: \(line)")
        }
        self.port = port
    }

    /// SIGKILL: no drain, no cleanup — a crash.
    public func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then waits for the exit; returns the exit status (nil if killed by a signal).
    @discardableResult
    public func stop() -> Int32? {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
