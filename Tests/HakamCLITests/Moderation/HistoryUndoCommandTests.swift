import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam history and undo")
struct HistoryUndoCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    @Test func historyListsEveryEventWithoutPrivateData() async throws {
        let id = try await f.add()
        _ = await f.run(["approve", "\(id)", "--as", "mona", "--note", "تمت المراجعة"])
        let result = await f.run(["history", "\(id)"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("EVENT") && lines[0].contains("NOTE"))
        #expect(lines[1].contains("hakam") && lines[1].contains("submit") && lines[1].contains("→ pending"))
        #expect(lines[2].contains("mona") && lines[2].contains("pending → approved") && lines[2].hasSuffix("تمت المراجعة"))
        for secret in f.secrets { #expect(!result.stdout.contains(secret)) }

        let json = await f.run(["history", "\(id)", "--json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["action"] as? String } == ["submit", "approve"])
        #expect(await f.run(["history", "777"]).exitCode == 1)
    }

    @Test func undoRevertsTheLastDecisionAndIsAudited() async throws {
        let id = try await f.add()
        _ = await f.run(["spam", "\(id)"])
        let result = await f.run(["undo", "\(id)", "--as", "mona"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("#\(id) spam → pending (undid spam, event "))
        #expect(try await f.status(id) == .pending)
        let last = try #require(try await f.events(id).last)
        #expect(last.action == "undo" && last.actor == "mona")

        let nothing = await f.run(["undo", "\(id)"])
        #expect(nothing.exitCode == 1)
        #expect(nothing.message.contains("has no moderator decision to undo"))
        #expect(try await f.events(id).count == 3)
    }
}
