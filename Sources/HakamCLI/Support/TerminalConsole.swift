import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes and what it knows of the terminal. `live()` is the edge: it reads
/// the process's environment and file descriptors. Tests build one that captures the output,
/// answers prompts and types keys from a script.
struct TerminalConsole: Sendable {
    var environment: [String: String]
    var isOutputTerminal: Bool
    var isInputTerminal: Bool
    /// ANSI colours: only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    var usesColor: Bool
    /// Columns available for a line.
    var width: Int
    var now: @Sendable () -> Date
    let sink: TerminalSink
    /// Reads one line (confirmation prompts); nil at end of input.
    var readLine: @Sendable () -> String?
    /// Reads one key press in raw mode (`review`); nil at end of input.
    var readKey: @Sendable () -> Character?

    func print(_ line: String = "") { sink.write(line + "\n", to: .standardOutput) }
    func write(_ text: String) { sink.write(text, to: .standardOutput) }
    func printError(_ line: String) { sink.write(line + "\n", to: .standardError) }

    var style: TerminalStyle { TerminalStyle(enabled: usesColor) }

    static func live() -> TerminalConsole {
        let environment = ProcessInfo.processInfo.environment
        let outputIsTTY = isatty(STDOUT_FILENO) == 1
        let width = terminalColumns() ?? environment["COLUMNS"].flatMap(Int.init) ?? 120
        return TerminalConsole(
            environment: environment, isOutputTerminal: outputIsTTY, isInputTerminal: isatty(STDIN_FILENO) == 1,
            usesColor: usesColor(outputIsTerminal: outputIsTTY, environment: environment), width: max(40, width), now: { Date() },
            sink: TerminalSink.standardStreams, readLine: { Swift.readLine() }, readKey: { TerminalRawMode.readKey() })
    }

    /// Colours on a terminal unless `NO_COLOR` is set to anything non-empty or `TERM=dumb`.
    static func usesColor(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// A console whose output is kept for inspection; `lines` are answered to prompts and `keys`
    /// are typed in `review`.
    static func capturing(
        environment: [String: String] = [:], interactive: Bool = false, colors: Bool = false, width: Int = 120,
        now: Date = Date(), lines: [String] = [], keys: String = ""
    ) -> TerminalConsole {
        let lineQueue = Mutex(lines)
        let keyQueue = Mutex(Array(keys))
        return TerminalConsole(
            environment: environment, isOutputTerminal: interactive, isInputTerminal: interactive, usesColor: colors,
            width: width, now: { now }, sink: TerminalSink.capture(),
            readLine: { lineQueue.withLock { $0.isEmpty ? nil : $0.removeFirst() } },
            readKey: { keyQueue.withLock { $0.isEmpty ? nil : $0.removeFirst() } })
    }

    private static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// The two output streams, written directly (unbuffered) or captured.
final class TerminalSink: Sendable {
    enum Stream: Sendable { case standardOutput, standardError }

    private let isCapturing: Bool
    private let captured = Mutex<(out: String, err: String)>(("", ""))

    private init(capturing: Bool) {
        isCapturing = capturing
    }

    static let standardStreams = TerminalSink(capturing: false)
    static func capture() -> TerminalSink { TerminalSink(capturing: true) }

    func write(_ text: String, to stream: Stream) {
        if isCapturing {
            captured.withLock { buffers in
                switch stream {
                case .standardOutput: buffers.out += text
                case .standardError: buffers.err += text
                }
            }
            return
        }
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    /// What was written to stdout (capturing sinks only).
    var standardOutput: String { captured.withLock { $0.out } }
    /// What was written to stderr (capturing sinks only).
    var standardError: String { captured.withLock { $0.err } }
}
