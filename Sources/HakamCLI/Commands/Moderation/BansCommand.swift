import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam bans`: the bans in force (or all, with `--all`). Hashed values are never printed.
struct BansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bans", abstract: "List bans in force.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include expired and lifted bans.") var all = false
    @Flag(help: "One JSON array instead of a table.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
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
