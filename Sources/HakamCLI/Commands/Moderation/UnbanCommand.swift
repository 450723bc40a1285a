import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam unban`: lift a standing ban (it stays listed by `hakam bans --all`).
struct UnbanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unban", abstract: "Lift a ban.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @OptionGroup var target: BanTargetOptions
    @Option(help: ArgumentHelp("The ban's number (from `hakam bans`).", valueName: "n")) var id: Int64?

    func validate() throws {
        guard target.givenCount + (id == nil ? 0 : 1) == 1 else {
            throw ValidationError("give exactly one of --email, --ip, --domain, --name, --id")
        }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let actor = moderator.actor(in: console)
            let lifted: BanRecord
            if let id {
                lifted = try await database.unban(id: id, actor: actor, now: console.now())
            } else {
                let (kind, value, _) = try target.target(global)
                lifted = try await database.unban(kind: kind, value: value, actor: actor, now: console.now())
            }
            console.print("lifted ban \(lifted.id ?? 0) (\(lifted.kind.rawValue) \(TerminalText.singleLine(lifted.displayValue)))")
        } catch {
            throw moderationFailure(error)
        }
    }
}
