import ArgumentParser
import Foundation
import HakamCore
import HakamStore

extension GlobalOptions {
    /// Opens a database that must already exist: moderation commands never create an empty
    /// one (a mistyped `--db` would otherwise show an empty queue and say nothing).
    func openExistingDatabase() throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError("no database at \(databasePath) (check --db or HAKAM_DB; `hakam migrate` creates one)")
        }
        return try openDatabase()
    }

    /// The privacy keys from an existing key file. Unlike `loadProtector()` it never creates a
    /// key: a new key could neither open sealed emails nor match stored hashes.
    func loadExistingProtector() throws -> PrivacyProtector {
        guard FileManager.default.fileExists(atPath: keyFilePath) else {
            throw CLIError("no key file at \(keyFilePath) (check --key-file or HAKAM_KEY_FILE): emails cannot be revealed or matched without it")
        }
        do {
            return PrivacyProtector(keys: PrivacyKeys(master: try MasterKey.load(at: keyFilePath)))
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// `--as NAME`: who is acting, for the audit trail.
struct ModeratorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting, for the audit trail (default: $USER).", valueName: "name"))
    var name: String?

    func validate() throws {
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--as must not be empty") }
    }

    /// `--as`, else `$USER`, else `unknown`.
    func actor(in console: TerminalConsole) -> String {
        if let name { return name.trimmingCharacters(in: .whitespaces) }
        if let user = console.environment["USER"], !user.isEmpty { return user }
        return "unknown"
    }
}

/// `--status` of the queue and of decisions by filter.
enum StatusChoice: String, ExpressibleByArgument, CaseIterable {
    case pending, approved, spam, trash, all

    var statuses: [CommentStatus] {
        self == .all ? CommentStatus.allCases : [CommentStatus(rawValue: rawValue)!]
    }
}

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
