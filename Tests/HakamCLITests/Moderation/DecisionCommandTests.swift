import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam approve, hold, spam, trash")
struct DecisionCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    @Test func decidesEachIdWithOneLineAndOneEventEach() async throws {
        let a = try await f.add(minutesAgo: 3)
        let b = try await f.add(minutesAgo: 2)
        let result = await f.run(["approve", "\(b)", "\(a)", "--note", "looks fine"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "#\(a) pending → approved\n#\(b) pending → approved\n")
        for id in [a, b] {
            let events = try await f.events(id)
            #expect(events.count == 2)
            #expect(events.last?.actor == "tester" && events.last?.note == "looks fine" && events.last?.action == "approve")
        }
        #expect(await f.run(["spam", "\(a)", "--as", "mona"]).stdout == "#\(a) approved → spam\n")
        #expect(try await f.events(a).last?.actor == "mona")
        #expect(await f.run(["trash", "\(a)"]).stdout == "#\(a) spam → trash\n")
        #expect(await f.run(["hold", "\(a)"]).stdout == "#\(a) trash → pending\n")
        #expect(await f.run(["hold", "\(a)"]).stdout == "#\(a) already pending\n")
        #expect(try await f.events(a).count == 5)
    }

    @Test func theActorDefaultsToUSERThenUnknown() async throws {
        let id = try await f.add()
        _ = await f.run(["spam", "\(id)"], environment: ["USER": "layla"])
        #expect(try await f.events(id).last?.actor == "layla")
        _ = await f.run(["approve", "\(id)"], environment: [:])
        #expect(try await f.events(id).last?.actor == "unknown")
    }

    @Test func approvingAReplyUnderAnUnapprovedParentIsRefused() async throws {
        let parent = try await f.add("parent", action: .approve, minutesAgo: 10)
        let reply = try await f.add("reply", parent: parent, minutesAgo: 5)
        _ = await f.run(["spam", "\(parent)"])
        let result = await f.run(["approve", "\(reply)"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: #\(reply) replies to #\(parent), which is spam: approve #\(parent) first\n")
        #expect(result.stdout.isEmpty)
        #expect(try await f.status(reply) == .pending)
        #expect(try await f.events(reply).count == 1)
        // Parent and reply together: the parent goes first.
        let both = await f.run(["approve", "\(reply)", "\(parent)"])
        #expect(both.exitCode == 0)
        #expect(both.stdout == "#\(parent) spam → approved\n#\(reply) pending → approved\n")
    }

    @Test func unknownIdsFailButTheOthersAreStillDecided() async throws {
        let id = try await f.add()
        let result = await f.run(["trash", "999", "\(id)"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == "#\(id) pending → trash\n")
        #expect(result.stderr == "error: no comment #999\n")
    }

    @Test func aFilterActsWithYesAndOnlyOnMatches() async throws {
        let casino = Reason(code: "word:casino", weight: 10)
        let a = try await f.add(reasons: [casino], minutesAgo: 3)
        let b = try await f.add(reasons: [casino], minutesAgo: 2)
        let other = try await f.add(minutesAgo: 1)
        let approved = try await f.add(action: .approve, reasons: [casino], minutesAgo: 4)

        let refused = await f.run(["spam", "--reason", "word:casino"])
        #expect(refused.exitCode == 1)
        #expect(refused.message.contains("2 comments match; add --yes to spam them"))
        #expect(try await f.status(a) == .pending)

        let done = await f.run(["spam", "--reason", "word:casino", "--status", "pending", "--yes"])
        #expect(done.exitCode == 0)
        #expect(done.stdout == "#\(a) pending → spam\n#\(b) pending → spam\n")
        #expect(try await f.status(other) == .pending)
        #expect(try await f.status(approved) == .approved)
        #expect(await f.run(["spam", "--reason", "word:casino", "--yes"]).stdout == "no comments match\n")
    }

    @Test func aFilterAsksOnATerminal() async throws {
        let id = try await f.add(post: "x")
        let no = await f.run(["trash", "--post", "x"], console: .capturing(interactive: true, now: f.now, lines: ["n"]))
        #expect(no.exitCode == 1)
        #expect(no.stdout == "trash 1 comment? [y/N] ")
        #expect(try await f.status(id) == .pending)
        let yes = await f.run(["trash", "--post", "x"], console: .capturing(interactive: true, now: f.now, lines: ["y"]))
        #expect(yes.exitCode == 0)
        #expect(yes.stdout.hasSuffix("#\(id) pending → trash\n"))
    }

    @Test(arguments: [
        ["approve"], ["approve", "1", "--reason", "x"], ["approve", "0"], ["approve", "x"], ["spam", "--as", " ", "1"],
    ])
    func badUsageIsExit64(_ arguments: [String]) async throws {
        #expect(await f.run(arguments).exitCode == 64)
    }
}
