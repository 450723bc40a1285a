import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam show")
struct ShowCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    @Test func showsTextReasonsAuthorParentAndTrailButNoPrivateData() async throws {
        let parent = try await f.add("the parent", email: "p@example.com", name: "Parent", action: .approve, minutesAgo: 60)
        _ = try await f.add("earlier good one", action: .approve, minutesAgo: 50)
        let id = try await f.add("line one\nline two", parent: parent, reasons: [
            Reason(code: "word:casino", weight: 10, field: "body", quote: "كازينو", detail: "blocked word"),
        ], minutesAgo: 5)
        let result = await f.run(["show", "\(id)"])
        #expect(result.exitCode == 0)
        let out = result.stdout
        #expect(out.hasPrefix("#\(id)  pending  score 10"))
        #expect(out.contains("reply to #\(parent) (approved) Parent: the parent"))
        #expect(out.contains("    line one\n    line two\n"))
        #expect(out.contains("word:casino  +10  body  blocked word  “كازينو”"))
        #expect(out.contains("author   1 approved, 0 spam, 2 comments"))
        #expect(out.contains("submit"))
        for secret in f.secrets { #expect(!out.contains(secret)) }
        #expect(try await f.events(id).count == 1)  // reading writes nothing
    }

    @Test func revealEmailShowsItAndRecordsWhoSawIt() async throws {
        let id = try await f.add()
        let result = await f.run(["show", "\(id)", "--reveal-email", "--as", "mona", "--note", "abuse report"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("email    \(ModerationCLIFixture.secretEmail)"))
        let events = try await f.events(id)
        #expect(events.count == 2)
        #expect(events.last?.action == "reveal_email" && events.last?.actor == "mona" && events.last?.note == "abuse report")
        #expect(events.last?.fromStatus == .pending && events.last?.toStatus == .pending)
        // The trail printed already includes the reveal.
        #expect(result.stdout.contains("reveal_email"))

        let json = await f.run(["show", "\(id)", "--json"])
        #expect(!json.stdout.contains(ModerationCLIFixture.secretEmail))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["email"] is NSNull || object["email"] == nil)
        #expect((object["events"] as? [Any])?.count == 2)
    }

    @Test func revealEmailWithoutTheKeyFileFailsClearlyAndRecordsNothing() async throws {
        let id = try await f.add()
        try FileManager.default.removeItem(atPath: f.keyPath)
        let result = await f.run(["show", "\(id)", "--reveal-email"])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("no key file at"))
        #expect(!FileManager.default.fileExists(atPath: f.keyPath))  // not silently created
        #expect(try await f.events(id).count == 1)
    }

    @Test func revealEmailWithTheWrongKeyFailsAndRecordsNothing() async throws {
        let id = try await f.add()
        try FileManager.default.removeItem(atPath: f.keyPath)
        _ = try MasterKey.loadOrCreate(at: f.keyPath)
        let result = await f.run(["show", "\(id)", "--reveal-email"])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("cannot open the sealed email"))
        #expect(try await f.events(id).count == 1)
    }

    @Test func unknownIdIsExit1AndBadIdIs64() async throws {
        let missing = await f.run(["show", "4242"])
        #expect(missing.exitCode == 1 && missing.message.contains("no comment #4242"))
        #expect(await f.run(["show", "abc"]).exitCode == 64)
    }
}
