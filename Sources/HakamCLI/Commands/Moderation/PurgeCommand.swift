import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam purge`: retention for spam and trash.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete spam and trash older than a retention period (default: both, 30d).",
        discussion: """
            Age counts from the comment's last change. The audit trail of a purged comment stays \
            (with a `purge` event); a comment that replies still point at is kept.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @Option(name: .customLong("spam-older-than"), help: ArgumentHelp("Delete spam older than this (30d, 12h, 2w).", valueName: "duration"))
    var spamOlderThan: String?
    @Option(name: .customLong("trash-older-than"), help: ArgumentHelp("Delete trash older than this.", valueName: "duration"))
    var trashOlderThan: String?
    @Flag(name: .customLong("dry-run"), help: "Only count what would be deleted.") var dryRun = false

    func validate() throws {
        for (flag, value) in [("--spam-older-than", spamOlderThan), ("--trash-older-than", trashOlderThan)] {
            if let value, ModerationFormat.duration(value) == nil {
                throw ValidationError("\(flag) must be a duration like 30d, 12h or 2w")
            }
        }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let now = console.now()
            var ages: [CommentStatus: String] = [:]
            if spamOlderThan == nil && trashOlderThan == nil {
                ages = [.spam: "30d", .trash: "30d"]
            } else {
                ages[.spam] = spamOlderThan
                ages[.trash] = trashOlderThan
            }
            let cutoffs = ages.compactMapValues { ModerationFormat.duration($0).map { now.addingTimeInterval(-$0) } }
            let outcome = try await database.purge(cutoffs: cutoffs, actor: moderator.actor(in: console), now: now, dryRun: dryRun)
            let parts = [CommentStatus.spam, .trash].filter { cutoffs[$0] != nil }.map { "\(outcome.deleted[$0] ?? 0) \($0.rawValue)" }
            var line = (dryRun ? "would purge " : "purged ") + parts.joined(separator: ", ")
            if outcome.keptForReplies > 0 { line += " (\(outcome.keptForReplies) kept: replies point at them)" }
            console.print(line)
        } catch {
            throw moderationFailure(error)
        }
    }
}
