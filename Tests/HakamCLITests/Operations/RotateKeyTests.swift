import Foundation
import HakamCore
import HakamStore
@testable import HakamSQLite
import Testing
import HakamTestSupport

/// `hakam rotate-key`: after it, the server matches the same authors and bans under the new key.
@Suite("rotate-key (binary)")
struct RotateKeyTests {
    static let alice = "alice@example.com", bob = "bob@example.com", carol = "carol@example.com"

    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    /// Alice: two approved comments; Bob: one spam; Carol: one comment and an email ban; an email ban on
    /// an address with no comment and an IP ban, neither of which can follow (only hashes are stored).
    func seed() async throws {
        try await f.add("first", email: Self.alice, name: "Alice", action: .approve, minutesAgo: 30)
        try await f.add("second", email: Self.alice, name: "Alice", action: .approve, minutesAgo: 20)
        try await f.add("buy now", email: Self.bob, name: "Bob", action: .spam, minutesAgo: 15)
        let carolComment = try await f.add("rude", email: Self.carol, name: "Carol", minutesAgo: 10)
        for arguments in [["ban", "--author-of", String(carolComment)], ["ban", "--email", "ghost@example.com"], ["ban", "--ip", "198.51.100.9"]] {
            let result = await f.run(arguments)
            #expect(result.exitCode == 0, "\(arguments): \(result.message)")
        }
        // The binary must see no other process on the database.
        try f.database.writer.close()
    }

    func protector() throws -> PrivacyProtector { PrivacyProtector(master: try MasterKey.load(at: f.keyPath)) }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func afterRotationTheServerStillKnowsAuthorsAndBans() async throws {
        try await seed()
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: f.directory)
        let oldKey = try Data(contentsOf: URL(fileURLWithPath: f.keyPath))

        let rotation = try hakam.run(["rotate-key", "--db", f.databasePath, "--key-file", f.keyPath, "--batch", "2"])
        #expect(rotation.status == 0, "\(rotation.stderr)")
        #expect(rotation.stdout.contains("re-keyed 4 comments of 3 identities, 3 author histories, 1 email bans"), "\(rotation.stdout)")
        #expect(rotation.stdout.contains("LIFTED 1 IP bans") && rotation.stdout.contains("LIFTED 1 email bans"))
        #expect(!rotation.stdout.contains(Self.alice) && !rotation.stderr.contains(Self.alice))

        // The key changed; the old one is kept aside for old backups; no rotation is left in progress.
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.keyPath)) != oldKey)
        let retired = try FileManager.default.contentsOfDirectory(atPath: f.directory.path).filter { $0.contains(".key.retired-") }
        #expect(retired.count == 1)
        #expect(try Data(contentsOf: f.directory.appendingPathComponent(retired[0])) == oldKey)
        #expect(!FileManager.default.fileExists(atPath: f.keyPath + ".new"))

        // Every stored email opens with the new key, and the identities are the new key's hashes.
        let new = try protector()
        let probe = try DatabaseProbe(path: f.databasePath)
        for comment in try await probe.comments() {
            let email = try new.openSealedEmail(try #require(comment.emailSealed))
            #expect(comment.emailHash == new.emailHash(try EmailAddress(parsing: email)))
            #expect(comment.ipHash == nil)
        }
        let history = try #require(try await probe.author(emailHash: new.emailHash(try EmailAddress(parsing: Self.alice))))
        #expect(history.approved == 2)
        #expect(history.comments == 2)
        try probe.close()

        // What readers see: Carol is still banned, Alice is still a known author (approved at once under
        // first_time moderation), a new author is still held.
        let policy = f.directory.appendingPathComponent("policy.yml")
        try "moderation: first_time\nflood: {enabled: false}\nrate_limit: {enabled: false}\n".write(to: policy, atomically: true, encoding: .utf8)
        let server = try ServerProcess(directory: f.directory, arguments: ["--db", f.databasePath, "--key-file", f.keyPath, "--policy", policy.path],
                                     logPath: f.directory.appendingPathComponent("serve.log").path)
        defer { _ = server.stop() }
        func post(_ email: String, _ body: String) throws -> (Int, String) {
            let json = #"{"post":"p","name":"Reader","email":"\#(email)","body":"\#(body)"}"#
            let reply = try #require(RawHTTP.postJSON(port: server.port, json, timeoutSeconds: 10))
            return (reply.status, reply.body)
        }
        let carol = try post(Self.carol, "again")
        #expect(carol.0 == 403 && carol.1.contains("banned"), "\(carol)")
        let alice = try post(Self.alice, "a third comment")
        #expect(alice.0 == 201 && alice.1.contains(#""status":"approved""#), "\(alice)")
        let stranger = try post("new.reader@example.com", "hello")
        #expect(stranger.0 == 201 && stranger.1.contains(#""status":"pending""#), "\(stranger)")
    }

    /// A run that stopped after one batch: nothing starts on the half-rotated database, and running the
    /// command again finishes with the key it had written.
    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func aStoppedRotationBlocksTheServerAndResumes() async throws {
        try await seed()
        let old = try protector()
        let newKey = MasterKey.generate()
        #expect(try newKey.writeNew(to: f.keyPath + ".new"))
        let new = PrivacyProtector(master: newKey)
        let database = try AppDatabase(path: f.databasePath)
        let first = try await database.rekeyEmailBatch(from: old, to: new, after: 0, comments: 1)
        #expect(first.comments == 2, "Alice's two comments move together")
        #expect(try await database.commentsLeftToRekey(to: new) == 2)
        try database.writer.close()

        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: f.directory)
        let serve = try hakam.run(["serve", "--port", "0", "--db", f.databasePath, "--key-file", f.keyPath])
        #expect(serve.status == 1)
        #expect(serve.stderr.contains("a key rotation is in progress"), "\(serve.stderr)")

        let resumed = try hakam.run(["rotate-key", "--db", f.databasePath, "--key-file", f.keyPath])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resuming the rotation"))
        #expect(resumed.stdout.contains("re-keyed 2 comments of 2 identities"), "\(resumed.stdout)")
        #expect(try MasterKey.load(at: f.keyPath).bytes == newKey.bytes)
        let check = try AppDatabase(path: f.databasePath)
        #expect(try await check.commentsLeftToRekey(to: new) == 0)
        let carolHash = new.emailHash(try EmailAddress(parsing: Self.carol))
        let banned = try await check.bans(includeInactive: false, now: Date()).filter { $0.kind == .email && $0.value == carolHash }
        #expect(banned.count == 1)
    }

    @Test(.enabled(if: HakamBinary.built != nil, "the hakam binary is not built next to the tests"))
    func rotationRefusesWhileTheServerRuns() async throws {
        try await seed()
        let server = try ServerProcess(directory: f.directory, arguments: ["--db", f.databasePath, "--key-file", f.keyPath],
                                     logPath: f.directory.appendingPathComponent("serve.log").path)
        let hakam = HakamBinary(executable: try #require(HakamBinary.built), directory: f.directory)
        let refused = try hakam.run(["rotate-key", "--db", f.databasePath, "--key-file", f.keyPath])
        #expect(server.stop() == 0)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stop the server"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.keyPath + ".new"), "nothing started")
    }
}
