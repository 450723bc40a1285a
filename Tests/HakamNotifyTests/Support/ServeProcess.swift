import Foundation

/// `hakam serve --port 0` on a test's folder, as an operator runs it; stderr goes to `serve.log`.
final class ServeProcess: @unchecked Sendable {
    /// The `hakam` executable built next to the test bundle.
    static let binary: URL? = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hakam")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }()

    let process = Process()
    let port: Int

    init(directory: URL, arguments: [String]) throws {
        guard let binary = Self.binary else { throw Failure("the hakam binary is not built") }
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        let logPath = directory.appendingPathComponent("serve.log").path
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
            if more.isEmpty { break }
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

    /// SIGKILL: no drain, no cleanup.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
