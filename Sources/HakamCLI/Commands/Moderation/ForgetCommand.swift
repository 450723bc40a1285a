import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam forget --email A`: erasure of an author's personal data.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase an author's personal data: name → Anonymous; email, IP, URL and user agent removed; text kept.",
        discussion: "Every affected comment gets a `forget` event in its audit trail. Bans stay in force. Needs the key file to find the author.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @Option(help: ArgumentHelp("The author's email address.", valueName: "address")) var email: String
    @Option(help: ArgumentHelp("A note for the audit trail (e.g. the request's reference).", valueName: "text")) var note: String?

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let address: EmailAddress
            do { address = try EmailAddress(parsing: email) } catch { throw CLIError("--email: not a valid address (\(error))") }
            let database = try await global.openExistingDatabase()
            let hash = try global.loadExistingProtector().emailHash(address)
            let count = try await database.forget(emailHash: hash, actor: moderator.actor(in: console), note: note, now: console.now())
            if count == 0 {
                console.print("no comments by that address")
            } else {
                console.print("forgot the author of \(count) comment\(count == 1 ? "" : "s"): name → \(AnonymousAuthor.name), email, IP, URL and user agent removed")
            }
        } catch {
            throw moderationFailure(error)
        }
    }
}
