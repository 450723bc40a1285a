import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam stats`: the state of moderation at a glance.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts by status, queue age, top reason codes and decisions per moderator.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The window for reasons and decisions (7d, 24h, …).", valueName: "duration")) var days = "7d"
    @Flag(help: "One JSON object instead of text.") var json = false

    func validate() throws {
        guard ModerationFormat.duration(days) != nil else { throw ValidationError("--days must be a duration like 7d or 24h") }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let now = console.now()
            let window = ModerationFormat.duration(days) ?? 7 * 86400
            let stats = try await database.moderationStats(now: now, windowStart: now.addingTimeInterval(-window))
            if json {
                console.print(try ModerationJSON.line(Output(stats, now: now)))
            } else {
                render(stats, now: now, console: console)
            }
        } catch {
            throw moderationFailure(error)
        }
    }

    struct Output: Encodable {
        struct ReasonCount: Encodable { var code: String; var count: Int }
        struct ActorCount: Encodable { var actor: String; var count: Int }
        var counts: [String: Int]
        var oldestPendingSeconds: Int?
        var medianPendingSeconds: Int?
        var since: Date
        var topReasons: [ReasonCount]
        var decisionsByActor: [ActorCount]
        var activeBans: Int

        init(_ stats: ModerationStats, now: Date) {
            counts = Dictionary(uniqueKeysWithValues: CommentStatus.allCases.map { ($0.rawValue, stats.countsByStatus[$0] ?? 0) })
            oldestPendingSeconds = stats.oldestPendingAt.map { Int(now.timeIntervalSince($0)) }
            medianPendingSeconds = stats.medianPendingAt.map { Int(now.timeIntervalSince($0)) }
            since = stats.windowStart
            topReasons = stats.topReasons.map { ReasonCount(code: $0.code, count: $0.count) }
            decisionsByActor = stats.decisionsByActor.map { ActorCount(actor: $0.actor, count: $0.count) }
            activeBans = stats.activeBans
        }

        enum CodingKeys: String, CodingKey {
            case counts, since
            case oldestPendingSeconds = "oldest_pending_seconds", medianPendingSeconds = "median_pending_seconds"
            case topReasons = "top_reasons", decisionsByActor = "decisions_by_actor", activeBans = "active_bans"
        }
    }

    private func render(_ stats: ModerationStats, now: Date, console: TerminalConsole) {
        let style = console.style
        let counts = CommentStatus.allCases.map { "\(style.apply($0.rawValue, ModerationFormat.color(for: $0))) \(stats.countsByStatus[$0] ?? 0)" }
        console.print("comments  " + counts.joined(separator: "  "))
        if let oldest = stats.oldestPendingAt, let median = stats.medianPendingAt {
            console.print("queue     oldest \(ModerationFormat.age(from: oldest, to: now)), median \(ModerationFormat.age(from: median, to: now))")
        } else {
            console.print("queue     empty")
        }
        console.print("bans      \(stats.activeBans) in force")
        console.print()
        console.print(style.bold("top reasons since \(ModerationFormat.timestamp(stats.windowStart))"))
        if stats.topReasons.isEmpty { console.print("  none") }
        for reason in stats.topReasons {
            console.print("  " + TerminalText.pad(String(reason.count), to: 7, alignRight: true) + "  " + style.apply(reason.code, .cyan))
        }
        console.print()
        console.print(style.bold("decisions by moderator since \(ModerationFormat.timestamp(stats.windowStart))"))
        if stats.decisionsByActor.isEmpty { console.print("  none") }
        for actor in stats.decisionsByActor {
            console.print("  " + TerminalText.pad(String(actor.count), to: 7, alignRight: true) + "  " + TerminalText.singleLine(actor.actor))
        }
    }
}
