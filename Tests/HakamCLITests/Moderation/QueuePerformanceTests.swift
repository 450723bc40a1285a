import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing
import HakamTestSupport
import HakamSQLite

/// Opt-in benchmark for issue 4's target: `hakam queue` on 1,000,000 comments (50,000 pending)
/// answers in under 100 ms. Run with
/// `HAKAM_QUEUE_BENCH_DB=/tmp/hakam-1m.sqlite swift test --filter QueuePerformanceTests`;
/// the database is generated there on first use (about a minute) and reused afterwards.
@Suite("queue performance (opt-in)")
struct QueuePerformanceTests {
    static let path = ProcessInfo.processInfo.environment["HAKAM_QUEUE_BENCH_DB"]

    @Test(.enabled(if: path != nil, "set HAKAM_QUEUE_BENCH_DB to a database path to run the 1M-comment benchmark"))
    func queueOnAMillionCommentsAnswersInUnder100ms() async throws {
        let path = try #require(Self.path)
        let generate = !FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase(path: path)
        if generate { try await RawRows(database).insertMillionComments() }

        let console = TerminalConsole.capturing(width: 120)
        let command = try HakamCommand.parseAsRoot(["queue", "--db", path]) as! any ConsoleCommand
        var timings: [String: Double] = [:]
        for (label, run) in [
            ("store: queue(pending, limit 50)", { _ = try await database.queue(QueueFilter(limit: 50)) }),
            ("store: queue(post, limit 50)", { _ = try await database.queue(QueueFilter(postKey: "post-7", limit: 50)) }),
            ("command: hakam queue (open + query + render)", { try await command.execute(console) }),
        ] as [(String, () async throws -> Void)] {
            var samples: [Double] = []
            for _ in 0..<15 {
                let start = ContinuousClock.now
                try await run()
                samples.append(Double((ContinuousClock.now - start).components.attoseconds) / 1e15 + Double((ContinuousClock.now - start).components.seconds) * 1000)
            }
            samples.sort()
            timings[label] = samples[samples.count / 2]
            print("\(label): median \(String(format: "%.1f", samples[samples.count / 2])) ms, max \(String(format: "%.1f", samples.last!)) ms")
        }
        for (label, median) in timings { #expect(median < 100, "\(label)") }
    }
}
