import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// Maps moderation failures to the one-line message on stderr (exit 1).
func moderationFailure(_ error: any Error) -> any Error {
    switch error {
    case let error as ModerationError: CLIError(error.description)
    case let error as CLIError: error
    case let error as ExitCode: error
    case let error as ValidationError: error
    default: CLIError("\(error)")
    }
}

/// A command whose work runs against any console: `run()` passes the live one, tests a
/// capturing one (after `HakamCommand.parseAsRoot`).
protocol ConsoleCommand {
    func execute(_ console: TerminalConsole) async throws
}

extension QueueCommand: ConsoleCommand {}
extension ShowCommand: ConsoleCommand {}
extension ApproveCommand: ConsoleCommand {}
extension HoldCommand: ConsoleCommand {}
extension SpamCommand: ConsoleCommand {}
extension TrashCommand: ConsoleCommand {}
extension HistoryCommand: ConsoleCommand {}
extension UndoCommand: ConsoleCommand {}
extension BanCommand: ConsoleCommand {}
extension UnbanCommand: ConsoleCommand {}
extension BansCommand: ConsoleCommand {}
extension StatsCommand: ConsoleCommand {}
extension ForgetCommand: ConsoleCommand {}
extension PurgeCommand: ConsoleCommand {}
extension ReviewCommand: ConsoleCommand {}
