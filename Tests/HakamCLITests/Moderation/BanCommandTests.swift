import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing
import HakamSQLite

@Suite("hakam ban, unban, bans")
struct BanCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    func isBanned(email: String = "x@example.org", ip: String? = nil, name: String = "n") async throws -> Bool {
        let address = try EmailAddress(parsing: email)
        return try await f.database.activeBan(
            emailHash: f.protector.emailHash(address), ipHash: ip.map(f.protector.ipHash), emailDomain: address.asciiDomain,
            name: name, now: f.now) != nil
    }

    @Test func banByEmailStoresOnlyTheHashAndNeverPrintsIt() async throws {
        let result = await f.run(["ban", "--email", ModerationCLIFixture.secretEmail, "--note", "troll"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("banned email address (ban 1, until lifted)"))
        #expect(try await isBanned(email: ModerationCLIFixture.secretEmail))
        let stored = try await f.database.bans(includeInactive: true, now: f.now).map(\.value)
        #expect(stored == [f.protector.emailHash(try EmailAddress(parsing: ModerationCLIFixture.secretEmail))])

        let list = await f.run(["bans"])
        #expect(list.stdout.contains("email") && list.stdout.contains("(hashed)") && list.stdout.contains("troll"))
        let json = await f.run(["bans", "--json"])
        for output in [result.stdout, list.stdout, json.stdout] {
            for secret in f.secrets { #expect(!output.contains(secret)) }
        }
    }

    @Test func banByIPDomainAndNameWithExpiry() async throws {
        #expect(await f.run(["ban", "--ip", "192.0.2.1"]).exitCode == 0)
        #expect(try await isBanned(ip: "192.0.2.1"))
        let domain = await f.run(["ban", "--domain", "Casino.EXAMPLE", "--until", "2d"])
        #expect(domain.stdout.contains("banned domain casino.example") && domain.stdout.contains("until 2027-01-17"))
        #expect(try await isBanned(email: "a@vip.casino.example"))
        #expect(await f.run(["ban", "--name", "سبام"]).exitCode == 0)
        #expect(try await isBanned(name: " سبام "))
        let until = await f.run(["ban", "--name", "Later", "--until", "2030-01-31"])
        #expect(until.stdout.contains("until 2030-02-01 00:00:00Z"))
        #expect(await f.run(["bans"]).stdout.split(separator: "\n").count == 5)
    }

    @Test func banTheAuthorOfAComment() async throws {
        let id = try await f.add()
        let result = await f.run(["ban", "--author-of", "\(id)"])
        #expect(result.stdout.hasPrefix("banned the email address of #\(id)'s author"))
        #expect(try await isBanned(email: ModerationCLIFixture.secretEmail))
        #expect(await f.run(["show", "\(id)"]).stdout.contains("BANNED"))
    }

    @Test func unbanLiftsAndKeepsTheRecord() async throws {
        _ = await f.run(["ban", "--name", "Spammer"])
        #expect(await f.run(["unban", "--name", "SPAMMER"]).stdout == "lifted ban 1 (name spammer)\n")
        #expect(try await !isBanned(name: "spammer"))
        #expect(await f.run(["bans"]).stdout == "no bans in force\n")
        #expect(await f.run(["bans", "--all"]).stdout.contains("lifted"))
        let again = await f.run(["unban", "--name", "spammer"])
        #expect(again.exitCode == 1 && again.message.contains("no standing ban on name spammer"))
        _ = await f.run(["ban", "--domain", "a.example"])
        #expect(await f.run(["unban", "--id", "2"]).exitCode == 0)
    }

    @Test(arguments: [
        ["ban"], ["ban", "--email", "a@b.example", "--name", "x"], ["ban", "--name", "x", "--until", "someday"], ["unban"],
    ])
    func badUsageIsExit64(_ arguments: [String]) async throws {
        #expect(await f.run(arguments).exitCode == 64)
    }

    @Test func badValuesAreExit1() async throws {
        #expect(await f.run(["ban", "--email", "not-an-email"]).exitCode == 1)
        #expect(await f.run(["ban", "--ip", "evil.example"]).exitCode == 1)
        #expect(await f.run(["ban", "--name", "x", "--until", "2000-01-01"]).exitCode == 1)
        try FileManager.default.removeItem(atPath: f.keyPath)
        let noKey = await f.run(["ban", "--email", "a@b.example"])
        #expect(noKey.exitCode == 1 && noKey.message.contains("no key file"))
    }
}
