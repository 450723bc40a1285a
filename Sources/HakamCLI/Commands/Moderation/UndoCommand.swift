import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam undo ID`: reverts the comment's last decision, as a new audit event.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last decision on a comment (recorded as an `undo` event).",
        discussion: "Undos stack: undoing twice reverts the last two decisions. The server's own verdict cannot be undone; decide instead.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @Argument(help: "The comment id.") var id: Int64
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "text")) var note: String?

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try global.teaching(await global.openExistingDatabase())
            let outcome = try await database.undo(commentID: id, actor: moderator.actor(in: console), note: note, now: console.now())
            console.print(ModerationFormat.transition(outcome, style: console.style)
                + " (undid \(outcome.revertedAction ?? "?"), event \(outcome.revertedEventID ?? 0))")
        } catch {
            throw moderationFailure(error)
        }
    }
}
