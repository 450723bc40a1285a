import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing
import HakamSQLite

@Suite("hakam forget, purge, stats")
struct ErasureStatsCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    @Test func forgetAnonymizesTheAuthorsComments() async throws {
        let a = try await f.add("kept text", action: .approve)
        let b = try await f.add("more")
        let other = try await f.add("other", email: "sara@example.com", name: "Sara")
        let result = await f.run(["forget", "--email", ModerationCLIFixture.secretEmail, "--as", "dpo"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("forgot the author of 2 comments"))
        let queue = await f.run(["queue", "--status", "all"])
        #expect(queue.stdout.contains("Anonymous: kept text") && queue.stdout.contains("Sara: other"))
        #expect(!queue.stdout.contains("Ali"))
        #expect(await f.run(["show", "\(a)"]).stdout.contains("author   forgotten"))
        #expect(try await f.events(b).last?.action == "forget")
        #expect(try await f.events(other).count == 1)
        #expect(await f.run(["forget", "--email", ModerationCLIFixture.secretEmail]).stdout == "no comments by that address\n")
        #expect(await f.run(["show", "\(a)", "--reveal-email"]).exitCode == 1)
    }

    @Test func purgeDeletesOldSpamAndTrash() async throws {
        let old = try await f.add(action: .spam, minutesAgo: 60 * 24 * 31)
        let recent = try await f.add(action: .spam, minutesAgo: 60)
        let trash = try await f.add(action: .trash, minutesAgo: 60 * 24 * 3)
        #expect(await f.run(["purge", "--dry-run"]).stdout == "would purge 1 spam, 0 trash\n")
        #expect(await f.run(["purge", "--trash-older-than", "2d"]).stdout == "purged 1 trash\n")
        #expect(await f.run(["purge"]).stdout == "purged 1 spam, 0 trash\n")
        #expect(try await f.status(old) == nil)
        #expect(try await f.status(trash) == nil)
        #expect(try await f.status(recent) == .spam)
        let history = await f.run(["history", "\(old)"])
        #expect(history.exitCode == 0 && history.stdout.contains("purge"))
        #expect(await f.run(["show", "\(old)"]).message.contains("was purged; `hakam history \(old)`"))
        #expect(await f.run(["purge", "--spam-older-than", "forever"]).exitCode == 64)
    }

    @Test func statsShowCountsAgesReasonsAndModerators() async throws {
        _ = try await f.add(reasons: [Reason(code: "links.many", weight: 1)], minutesAgo: 120)
        let b = try await f.add(reasons: [Reason(code: "links.many", weight: 1)], minutesAgo: 30)
        _ = await f.run(["spam", "\(b)", "--as", "mona"])
        let text = await f.run(["stats"])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("comments  pending 1  approved 0  spam 1  trash 0"))
        #expect(text.stdout.contains("queue     oldest 2h, median 2h"))
        #expect(text.stdout.contains("      2  links.many"))
        #expect(text.stdout.contains("      1  mona"))
        let json = await f.run(["stats", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["counts"] as? [String: Int])?["spam"] == 1)
        #expect(object["oldest_pending_seconds"] as? Int == 7200)
    }
}
