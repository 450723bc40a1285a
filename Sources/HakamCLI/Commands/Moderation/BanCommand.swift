import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam ban`: refuse an author's future comments (the server answers 403).
struct BanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ban",
        abstract: "Ban an email address, IP address, email domain or author name.",
        discussion: "Emails and IPs are stored only as keyed hashes (the key file is needed). The server sees new bans on the next submission.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @OptionGroup var target: BanTargetOptions
    @Option(name: .customLong("author-of"), help: ArgumentHelp("Ban the email of this comment's author.", valueName: "id")) var authorOf: Int64?
    @Option(help: ArgumentHelp("Until a date (2025-12-31, through that day UTC), a date-time, or for a duration (30d).", valueName: "when")) var until: String?
    @Option(help: ArgumentHelp("Why, for the record.", valueName: "text")) var note: String?

    func validate() throws {
        guard target.givenCount + (authorOf == nil ? 0 : 1) == 1 else {
            throw ValidationError("give exactly one of --email, --ip, --domain, --name, --author-of")
        }
        if let until, ModerationFormat.until(until, now: Date()) == nil {
            throw ValidationError("--until must be a date (2025-12-31), an ISO 8601 date-time or a duration (30d)")
        }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let now = console.now()
            let expiresAt = until.flatMap { ModerationFormat.until($0, now: now) }
            if let expiresAt, expiresAt <= now { throw CLIError("--until is in the past") }
            let actor = moderator.actor(in: console)
            let outcome: BanOutcome
            let label: String
            if let authorOf {
                outcome = try await database.banAuthor(ofComment: authorOf, expiresAt: expiresAt, note: note, actor: actor, now: now)
                label = "the email address of #\(authorOf)'s author"
            } else {
                let (kind, value, text) = try target.target(global)
                outcome = try await database.ban(kind: kind, value: value, expiresAt: expiresAt, note: note, actor: actor, now: now)
                label = text
            }
            let until = outcome.ban.expiresAt.map { "until " + ModerationFormat.timestamp($0) } ?? "until lifted"
            console.print("\(outcome.isNew ? "banned" : "ban updated:") \(label) (ban \(outcome.ban.id ?? 0), \(until))")
        } catch {
            throw moderationFailure(error)
        }
    }
}
