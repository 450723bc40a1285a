import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on stderr, redrawn at most ten times a second. Only on a terminal:
/// a log file or a pipe gets nothing but the final summary.
final class ProgressBar {
    private let console: TerminalConsole
    private let label: String
    private let total: Int?
    private let enabled: Bool
    /// Look at the clock every this many steps (a power of two): cheap steps (an export's rows)
    /// look rarely, slow ones (a request each) every time.
    private let checkMask: Int
    private var count = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Enabled when stderr is a terminal of the live console (never in tests' captured ones)
    /// and, when the total is known, the job is long enough to be worth a bar.
    init(console: TerminalConsole, label: String, total: Int?, minimumTotal: Int = 20_000, checkEvery: Int = 1024) {
        self.console = console
        checkMask = max(1, checkEvery) - 1
        self.label = label
        self.total = total
        self.enabled = Self.canShow(on: console) && (total.map { $0 >= minimumTotal } ?? true)
    }

    /// Whether a bar could show at all (so callers skip counting the total when not).
    static func canShow(on console: TerminalConsole) -> Bool {
        console.sink === TerminalSink.standardStreams && isatty(STDERR_FILENO) == 1
    }

    func advance(by step: Int = 1) {
        count += step
        guard enabled, count & checkMask == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw()
    }

    func finish() {
        guard enabled, drawn else { return }
        console.sink.write("\r\u{1B}[2K", to: .standardError)
    }

    private func draw() {
        drawn = true
        let line: String
        if let total, total > 0 {
            let fraction = min(1, Double(count) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line = "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(Int(fraction * 100))% \(count)/\(total)"
        } else {
            line = "\(label) \(count)…"
        }
        console.sink.write("\r\u{1B}[2K" + line, to: .standardError)
    }
}
