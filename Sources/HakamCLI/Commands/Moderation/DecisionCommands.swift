import ArgumentParser
import Foundation
import HakamCore
import HakamStore

// The four decision commands differ only in their action; the work is in `DecisionRunner`.

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
