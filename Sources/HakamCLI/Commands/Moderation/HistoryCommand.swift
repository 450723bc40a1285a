import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam history ID`: the audit trail of one comment (it outlives a purged comment).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show the audit trail of a comment: who changed what, when, and why.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The comment id.") var id: Int64
    @Flag(help: "One JSON array instead of a table.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let events = try await database.history(commentID: id)
            guard !events.isEmpty else { throw CLIError("no comment #\(id) and no history for it") }
            if json {
                console.print(try ModerationJSON.line(events.map(ModerationJSON.Event.init)))
                return
            }
            for line in Self.table(events).render(width: console.width, style: console.style) { console.print(line) }
        } catch {
            throw moderationFailure(error)
        }
    }

    /// Event, time, actor, action, from → to, and the note last (free text, maybe right-to-left).
    static func table(_ events: [ModerationEventRecord]) -> TerminalTable {
        var table = TerminalTable([
            .init(title: "EVENT", alignRight: true), .init(title: "WHEN (UTC)"), .init(title: "BY", maxWidth: 20),
            .init(title: "ACTION"), .init(title: "STATUS", maxWidth: 24), .init(title: "NOTE"),
        ])
        for event in events {
            let change: String = switch event.fromStatus {
            case nil: "→ \(event.toStatus.rawValue)"
            case let from? where from == event.toStatus: from.rawValue
            case let from?: "\(from.rawValue) → \(event.toStatus.rawValue)"
            }
            table.append([
                .init("\(event.id ?? 0)"), .init(ModerationFormat.timestamp(event.createdAt)), .init(event.actor),
                .init(event.action, .cyan), .init(change, ModerationFormat.color(for: event.toStatus)), .init(event.note ?? ""),
            ])
        }
        return table
    }
}
