import ArgumentParser
import Foundation
import HakamCore
import HakamStore

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
        let database = try options.global.teaching(await options.global.openExistingDatabase())
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
