import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// Exactly one of `--email`, `--ip`, `--domain`, `--name` (and for `ban`, `--author-of`).
struct BanTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An email address (stored only as its keyed hash).", valueName: "address")) var email: String?
    @Option(help: ArgumentHelp("An IP address (stored only as its keyed hash).", valueName: "address")) var ip: String?
    @Option(help: ArgumentHelp("An email domain; also covers its subdomains.", valueName: "domain")) var domain: String?
    @Option(help: ArgumentHelp("An author name (matched case-insensitively).", valueName: "name")) var name: String?

    var givenCount: Int { [email, ip, domain, name].compactMap { $0 }.count }

    /// The stored form: hashes for email and IP (needs the key file), normalized text otherwise.
    func target(_ global: GlobalOptions) throws -> (kind: BanKind, value: String, label: String) {
        if let email {
            let address: EmailAddress
            do { address = try EmailAddress(parsing: email) } catch { throw CLIError("--email: not a valid address (\(error))") }
            return (.email, try global.loadExistingProtector().emailHash(address), "email address")
        }
        if let ip {
            let trimmed = ip.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" || $0 == "[" || $0 == "]" }) else {
                throw CLIError("--ip: not an IP address")
            }
            return (.ip, try global.loadExistingProtector().ipHash(trimmed), "IP address")
        }
        if let domain {
            let value = try BanKind.normalizedDomain(domain)
            return (.domain, value, "domain \(value)")
        }
        if let name {
            let value = BanKind.normalizedName(name)
            guard !value.isEmpty else { throw CLIError("--name is empty") }
            return (.name, value, "name \(TerminalText.singleLine(value))")
        }
        throw ValidationError("give one of --email, --ip, --domain, --name")
    }
}

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
            let database = try global.openExistingDatabase()
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
            let database = try global.openExistingDatabase()
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

/// `hakam bans`: the bans in force (or all, with `--all`). Hashed values are never printed.
struct BansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bans", abstract: "List bans in force.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include expired and lifted bans.") var all = false
    @Flag(help: "One JSON array instead of a table.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try global.openExistingDatabase()
            let now = console.now()
            let bans = try await database.bans(includeInactive: all, now: now)
            if json {
                struct Ban: Encodable {
                    var id: Int64?, kind: String, value: String, until: Date?, note: String?, actor: String
                    var createdAt: Date, liftedAt: Date?, liftedBy: String?, active: Bool
                    enum CodingKeys: String, CodingKey {
                        case id, kind, value, until, note, actor, active
                        case createdAt = "created_at", liftedAt = "lifted_at", liftedBy = "lifted_by"
                    }
                }
                console.print(try ModerationJSON.line(bans.map {
                    Ban(id: $0.id, kind: $0.kind.rawValue, value: $0.displayValue, until: $0.expiresAt, note: $0.note, actor: $0.actor,
                        createdAt: $0.createdAt, liftedAt: $0.liftedAt, liftedBy: $0.liftedBy, active: $0.isActive(at: now))
                }))
                return
            }
            guard !bans.isEmpty else {
                console.print(all ? "no bans" : "no bans in force")
                return
            }
            var table = TerminalTable([
                .init(title: "BAN", alignRight: true), .init(title: "KIND"), .init(title: "UNTIL"), .init(title: "BY", maxWidth: 20),
                .init(title: "SINCE"), .init(title: "NOTE", maxWidth: 30), .init(title: "VALUE"),
            ])
            for ban in bans {
                let state: String
                if let lifted = ban.liftedAt {
                    state = "lifted " + ModerationFormat.timestamp(lifted)
                } else if let expiry = ban.expiresAt {
                    state = (expiry <= now ? "expired " : "") + ModerationFormat.timestamp(expiry)
                } else {
                    state = "lifted by hand"
                }
                table.append([
                    .init("\(ban.id ?? 0)"), .init(ban.kind.rawValue, .cyan), .init(state, ban.isActive(at: now) ? nil : .dim),
                    .init(ban.actor), .init(ModerationFormat.timestamp(ban.createdAt)), .init(ban.note ?? ""), .init(ban.displayValue),
                ])
            }
            for line in table.render(width: console.width, style: console.style) { console.print(line) }
        } catch {
            throw moderationFailure(error)
        }
    }
}
