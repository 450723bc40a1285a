import Foundation

/// Hands a finished message to the mail system.
public protocol Mailer: Sendable {
    func deliver(message: [UInt8]) async throws(DeliveryFailure)
}

/// `sendmail -t -i` with the message on stdin, as WordPress and most Unix services do: the
/// recipients come from the headers, and a lone "." line does not end the message.
public struct SendmailMailer: Mailer {
    public let path: String

    public init(path: String) { self.path = path }

    public func deliver(message: [UInt8]) async throws(DeliveryFailure) {
        let path = self.path
        let result: Result<Void, DeliveryFailure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Self.run(path: path, message: message))
            }
        }
        try result.get()
    }

    static func run(path: String, message: [UInt8]) -> Result<Void, DeliveryFailure> {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return .failure(DeliveryFailure("sendmail not found or not executable at \(path)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(DeliveryFailure("cannot start \(path)"))
        }
        input.fileHandleForWriting.write(Data(message))
        try? input.fileHandleForWriting.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            // The MTA's own words may name recipients (moderators, not readers); keep one short line.
            let line = String(decoding: stderr.prefix(200), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return .failure(DeliveryFailure("\(path) exited with status \(process.terminationStatus)\(line.isEmpty ? "" : ": \(line)")"))
        }
        return .success(())
    }
}
