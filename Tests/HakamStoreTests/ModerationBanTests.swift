import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite("Bans")
struct ModerationBanTests {
    let f: ModerationStoreFixture
    init() throws { f = try ModerationStoreFixture() }

    func check(email: String = "someone@example.org", ip: String? = "198.51.100.1", name: String = "Someone", at minutes: Double = 0) async throws -> BanRecord? {
        let address = try EmailAddress(parsing: email)
        return try await f.database.activeBan(
            emailHash: f.protector.emailHash(address), ipHash: ip.map(f.protector.ipHash), emailDomain: address.asciiDomain, name: name,
            now: f.at(minutes: minutes))
    }

    @Test func eachKindOfBanMatchesAndNothingElseDoes() async throws {
        #expect(try await check() == nil)
        _ = try await f.database.ban(kind: .email, value: try f.emailHash("bad@example.com"), expiresAt: nil, note: nil, actor: "m", now: f.start)
        _ = try await f.database.ban(kind: .ip, value: f.protector.ipHash("192.0.2.9"), expiresAt: nil, note: nil, actor: "m", now: f.start)
        _ = try await f.database.ban(kind: .domain, value: try BanKind.normalizedDomain("Casino.Example"), expiresAt: nil, note: nil, actor: "m", now: f.start)
        _ = try await f.database.ban(kind: .domain, value: try BanKind.normalizedDomain("مثال.مصر"), expiresAt: nil, note: nil, actor: "m", now: f.start)
        _ = try await f.database.ban(kind: .name, value: BanKind.normalizedName("  Cheap   PILLS "), expiresAt: nil, note: nil, actor: "m", now: f.start)

        #expect(try await check(email: "bad@example.com")?.kind == .email)
        #expect(try await check(ip: "192.0.2.9")?.kind == .ip)
        #expect(try await check(ip: "::ffff:192.0.2.9")?.kind == .ip)  // canonical form
        #expect(try await check(email: "x@casino.example")?.kind == .domain)
        #expect(try await check(email: "x@mail.casino.example")?.kind == .domain)  // subdomain
        #expect(try await check(email: "x@notcasino.example") == nil)
        #expect(try await check(email: "x@xn--mgbh0fb.xn--wgbh1c")?.kind == .domain)  // the same IDN, A-label form
        #expect(try await check(name: "cheap pills")?.kind == .name)
        #expect(try await check(name: "Cheap Pills Now") == nil)
        #expect(try await check(email: "Bad@example.com") == nil)  // local part case is the receiving server's
    }

    @Test func expiredAndLiftedBansDoNotMatchButStayListed() async throws {
        let hash = try f.emailHash("bad@example.com")
        _ = try await f.database.ban(kind: .email, value: hash, expiresAt: f.at(minutes: 60), note: "cool off", actor: "m", now: f.start)
        #expect(try await check(email: "bad@example.com", at: 59) != nil)
        #expect(try await check(email: "bad@example.com", at: 60) == nil)

        _ = try await f.database.ban(kind: .name, value: "spammer", expiresAt: nil, note: nil, actor: "m", now: f.start)
        let lifted = try await f.database.unban(kind: .name, value: "spammer", actor: "n", now: f.at(minutes: 1))
        #expect(lifted.liftedBy == "n")
        #expect(try await check(name: "Spammer", at: 2) == nil)
        await #expect(throws: ModerationError.self) { try await f.database.unban(kind: .name, value: "spammer", actor: "n", now: f.at(minutes: 3)) }

        #expect(try await f.database.bans(includeInactive: false, now: f.at(minutes: 61)).isEmpty)
        #expect(try await f.database.bans(includeInactive: true, now: f.at(minutes: 61)).count == 2)
        // A lifted ban can be imposed again.
        #expect(try await f.database.ban(kind: .name, value: "spammer", expiresAt: nil, note: nil, actor: "m", now: f.at(minutes: 4)).isNew)
    }

    @Test func banningTwiceUpdatesTheStandingBan() async throws {
        let first = try await f.database.ban(kind: .name, value: "x", expiresAt: nil, note: "one", actor: "a", now: f.start)
        let second = try await f.database.ban(kind: .name, value: "x", expiresAt: f.at(minutes: 10), note: "two", actor: "b", now: f.start)
        #expect(first.isNew && !second.isNew && first.ban.id == second.ban.id)
        #expect(second.ban.note == "two" && second.ban.actor == "b")
        #expect(try await f.count("SELECT count(*) FROM bans") == 1)
    }

    @Test func emailAndIPBansHoldOnlyHashes() async throws {
        await #expect(throws: DatabaseError.self) {
            try await f.database.ban(kind: .email, value: "bad@example.com", expiresAt: nil, note: nil, actor: "m", now: f.start)
        }
        await #expect(throws: DatabaseError.self) {
            try await f.database.ban(kind: .ip, value: "192.0.2.9", expiresAt: nil, note: nil, actor: "m", now: f.start)
        }
    }

    @Test func theAuthorOfACommentCanBeBannedWithoutKnowingTheAddress() async throws {
        let id = try await f.add(email: "troll@example.net")
        let outcome = try await f.database.banAuthor(ofComment: id, expiresAt: nil, note: nil, actor: "m", now: f.start)
        #expect(outcome.ban.value == (try f.emailHash("troll@example.net")))
        #expect(try await check(email: "troll@example.net") != nil)
        #expect(try await f.database.commentDetail(id: id, now: f.start)?.author?.isBanned == true)
    }

    @Test func theSubmitPathCanCheckInsideItsWriteTransaction() async throws {
        _ = try await f.database.ban(kind: .name, value: "x", expiresAt: nil, note: nil, actor: "m", now: f.start)
        let found = try await f.database.writer.write { db in
            try AppDatabase.activeBan(db, emailHash: nil, ipHash: nil, emailDomain: nil, name: " X ", now: f.start)
        }
        #expect(found?.kind == .name)
    }
}
