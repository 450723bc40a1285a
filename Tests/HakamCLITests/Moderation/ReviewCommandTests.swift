import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam review (scripted keys)")
struct ReviewCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    func review(_ keys: String) async -> ModerationCLIFixture.Result {
        await f.run(["review", "--as", "mona"], console: .capturing(interactive: true, now: f.now, keys: keys))
    }

    @Test func singleKeysDecideOneCommentAtATime() async throws {
        let a = try await f.add("first", minutesAgo: 4)
        let b = try await f.add("second", minutesAgo: 3)
        let c = try await f.add("third", minutesAgo: 2)
        let d = try await f.add("fourth", minutesAgo: 1)
        let result = await review("asth")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("[1 of 4]") && result.stdout.contains("[4 of 4]"))
        #expect(result.stdout.contains("#\(a) pending → approved"))
        #expect(result.stdout.contains("#\(c) pending → trash"))
        #expect(result.stdout.hasSuffix("reviewed 4 of 4: 1 approve, 1 spam, 1 trash, 1 held\n"))
        #expect(try await f.status(a) == .approved)
        #expect(try await f.status(b) == .spam)
        #expect(try await f.status(c) == .trash)
        #expect(try await f.status(d) == .pending)
        #expect(try await f.events(b).last?.actor == "mona")
        for secret in f.secrets { #expect(!result.stdout.contains(secret)) }
    }

    @Test func undoGoesBackAndQuitStops() async throws {
        let a = try await f.add("first", minutesAgo: 2)
        let b = try await f.add("second", minutesAgo: 1)
        let result = await review("sua?q")
        #expect(result.stdout.contains("#\(a) spam → pending (undone)"))
        #expect(result.stdout.contains("keys: a approve"))
        #expect(result.stdout.hasSuffix("reviewed 1 of 2: 1 approve, 1 spam, 1 undo\n"))
        #expect(try await f.status(a) == .approved)
        #expect(try await f.status(b) == .pending)
        #expect(try await f.events(a).map(\.action) == ["submit", "spam", "undo", "approve"])
    }

    @Test func banKeyBansTheAuthorAndMarksSpam() async throws {
        let a = try await f.add()
        let result = await review("b")
        #expect(result.stdout.contains("banned the author of #\(a)"))
        #expect(try await f.status(a) == .spam)
        #expect(await f.run(["bans"]).stdout.contains("(hashed)"))
    }

    @Test func commentsDecidedElsewhereAreSkippedAndAReplyCannotBeApprovedEarly() async throws {
        let parent = try await f.add("parent", action: .approve, minutesAgo: 10)
        let reply = try await f.add("reply", parent: parent, minutesAgo: 5)
        _ = await f.run(["hold", "\(parent)"])
        let result = await review("ahq")
        // The parent comes first (older); approving it lets the reply be approved after... here we hold it.
        #expect(result.stdout.contains("#\(parent) pending → approved"))
        #expect(try await f.status(reply) == .pending)
        _ = await f.run(["spam", "\(parent)"])
        let second = await review("aq")
        #expect(second.stderr.contains("error: #\(reply) replies to #\(parent), which is spam"))
    }

    @Test func refusesWithoutATerminal() async throws {
        _ = try await f.add()
        let result = await f.run(["review"])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("review needs a terminal"))
    }
}
