import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// What `approve`, `hold`, `spam` and `trash` share: ids or a filter, a note, who acts.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions

    @Argument(help: "Comment ids.") var ids: [Int64] = []
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "text")) var note: String?
    @Option(help: ArgumentHelp("Filter: every comment with this reason code.", valueName: "code")) var reason: String?
    @Option(help: "Filter: every comment with this status (default with a filter: pending).") var status: StatusChoice?
    @Option(help: ArgumentHelp("Filter: every comment on this post.", valueName: "key")) var post: String?
    @Flag(help: "Act on a filter's matches without asking.") var yes = false

    var usesFilter: Bool { reason != nil || status != nil || post != nil }

    func validate() throws {
        if ids.isEmpty && !usesFilter {
            throw ValidationError("give comment ids, or a filter: --reason CODE, --status S, --post KEY")
        }
        if !ids.isEmpty && usesFilter {
            throw ValidationError("give comment ids or a filter (--reason, --status, --post), not both")
        }
        if let bad = ids.first(where: { $0 <= 0 }) { throw ValidationError("\(bad) is not a comment id") }
    }
}

/// One decision command's work, shared by the four commands and testable with any console.
struct DecisionRunner {
    let action: ModerationAction
    let options: DecisionOptions

    func execute(_ console: TerminalConsole) async throws {
        do {
            try await decide(console)
        } catch {
            throw moderationFailure(error)
        }
    }

    private func decide(_ console: TerminalConsole) async throws {
        let database = try options.global.openExistingDatabase()
        let actor = options.moderator.actor(in: console)
        var ids = Array(Set(options.ids)).sorted()  // parents (older, smaller ids) before their replies
        var expecting: Set<CommentStatus>?
        if options.usesFilter {
            let statuses = (options.status ?? .pending).statuses
            ids = try await database.commentIDs(matching: QueueFilter(statuses: statuses, postKey: options.post, reasonCode: options.reason))
            expecting = Set(statuses)
            guard !ids.isEmpty else {
                console.print("no comments match")
                return
            }
            if !options.yes { try confirm(count: ids.count, console: console) }
        }
        var failures = 0
        for id in ids {
            do {
                let outcome = try await database.decide(
                    commentID: id, action: action, actor: actor, note: options.note, expecting: expecting, now: console.now())
                console.print(ModerationFormat.transition(outcome, style: console.style))
            } catch let error as ModerationError {
                failures += 1
                console.printError("error: \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private func confirm(count: Int, console: TerminalConsole) throws {
        let what = "\(count) comment\(count == 1 ? "" : "s")"
        guard console.isInputTerminal && console.isOutputTerminal else {
            throw CLIError("\(what) match; add --yes to \(action.rawValue) them")
        }
        console.write("\(action.rawValue) \(what)? [y/N] ")
        let answer = console.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { throw CLIError("nothing done") }
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Publish comments (a reply only once its parent is approved).")
    @OptionGroup var options: DecisionOptions
    func run() async throws { try await execute(.live()) }
    func execute(_ console: TerminalConsole) async throws { try await DecisionRunner(action: .approve, options: options).execute(console) }
}

struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Put comments back in the pending queue.")
    @OptionGroup var options: DecisionOptions
    func run() async throws { try await execute(.live()) }
    func execute(_ console: TerminalConsole) async throws { try await DecisionRunner(action: .hold, options: options).execute(console) }
}

struct SpamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "spam", abstract: "Mark comments as spam (counts against the author).")
    @OptionGroup var options: DecisionOptions
    func run() async throws { try await execute(.live()) }
    func execute(_ console: TerminalConsole) async throws { try await DecisionRunner(action: .spam, options: options).execute(console) }
}

struct TrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trash", abstract: "Move comments to the trash.")
    @OptionGroup var options: DecisionOptions
    func run() async throws { try await execute(.live()) }
    func execute(_ console: TerminalConsole) async throws { try await DecisionRunner(action: .trash, options: options).execute(console) }
}
