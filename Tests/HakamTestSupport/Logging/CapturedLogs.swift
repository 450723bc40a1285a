import Logging
import Synchronization

/// Every line logged through `logger`, kept for privacy assertions ("no email in the log").
public final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// A logger at `trace` whose lines (message and metadata) end up here.
    public var logger: Logger {
        var logger = Logger(label: "hakam-test") { [self] _ in CapturingLogHandler(logs: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    public var all: String { lines.withLock { $0.joined(separator: "\n") } }
}
