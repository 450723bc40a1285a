import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam queue")
struct QueueCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    @Test func listsPendingOldestFirstWithScoreReasonsAndNoPrivateData() async throws {
        let newer = try await f.add("newer comment", minutesAgo: 5)
        let older = try await f.add("older comment\nsecond line", reasons: [Reason(code: "links.many", weight: 5)], minutesAgo: 90)
        _ = try await f.add("approved one", action: .approve, minutesAgo: 100)
        let result = await f.run(["queue"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("ID  AGE  SCORE  POST"))
        #expect(lines[1].hasPrefix("#\(older)   1h      5  p"))
        #expect(lines[1].contains("links.many") && lines[1].hasSuffix("Ali: older comment"))
        #expect(lines[2].hasPrefix("#\(newer)") && lines[2].contains(" 5m "))
        for secret in f.secrets { #expect(!result.stdout.contains(secret)) }
        #expect(!result.stdout.contains("\u{1B}["))  // not a terminal: no colours
    }

    @Test func arabicTextIsCutByGraphemeClustersAndPlacedLast() async throws {
        let body = String(repeating: "مَرْحَبًا بِكُمْ ", count: 20)
        _ = try await f.add(body, name: "سارة")
        let result = await f.run(["queue"], console: .capturing(width: 80, now: f.now))
        let row = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(TerminalText.width(row) <= 80)
        #expect(row.hasSuffix("…"))
        let text = try #require(row.components(separatedBy: "  ").last)
        #expect(text.hasPrefix("سارة: مَرْحَبًا"))
        // Every cluster in the cut text is one from the original (no orphaned harakat).
        let cut = text.dropFirst("سارة: ".count).dropLast()
        #expect(body.hasPrefix(String(cut)))
    }

    @Test func coloursOnlyOnATerminalAndNeverWithNO_COLOR() async throws {
        _ = try await f.add()
        let tty = await f.run(["queue"], console: .capturing(interactive: true, colors: true, now: f.now))
        #expect(tty.stdout.contains("\u{1B}["))
        let plain = await f.run(["queue"], console: .capturing(interactive: true, colors: false, now: f.now))
        #expect(!plain.stdout.contains("\u{1B}["))
        // How the live console decides.
        #expect(TerminalConsole.usesColor(outputIsTerminal: true, environment: [:]))
        #expect(!TerminalConsole.usesColor(outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalConsole.usesColor(outputIsTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!TerminalConsole.usesColor(outputIsTerminal: false, environment: [:]))
    }

    @Test func filtersByStatusPostReasonAndLimits() async throws {
        let a = try await f.add(post: "one", reasons: [Reason(code: "word:casino", weight: 10)], minutesAgo: 30)
        let b = try await f.add(post: "two", minutesAgo: 20)
        let c = try await f.add(action: .spam, minutesAgo: 10)
        #expect(await f.run(["queue", "--post", "two"]).stdout.contains("#\(b) "))
        #expect(await !f.run(["queue", "--post", "two"]).stdout.contains("#\(a) "))
        let byReason = await f.run(["queue", "--reason", "word:casino", "--json"])
        #expect(byReason.stdout.contains("\"id\":\(a)") && !byReason.stdout.contains("\"id\":\(b)"))
        let all = await f.run(["queue", "--status", "all"])
        #expect(all.stdout.contains("STATUS") && all.stdout.contains("#\(c) ") && all.stdout.contains("spam"))
        let limited = await f.run(["queue", "--limit", "1"])
        #expect(limited.stdout.contains("showing 1 of 2 pending comments"))
        #expect(await f.run(["queue", "--status", "trash"]).stdout == "no trash comments\n")
    }

    @Test func jsonIsOneValueWithoutPrivateFields() async throws {
        let id = try await f.add("نص عربي")
        let result = await f.run(["queue", "--json"])
        #expect(result.stdout.hasSuffix("}\n") && result.stdout.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 1)
        let comment = try #require((object["comments"] as? [[String: Any]])?.first)
        #expect(comment["id"] as? Int == Int(id))
        #expect(comment["body"] as? String == "نص عربي")
        #expect(Set(comment.keys) == ["id", "post", "parent", "name", "url", "body", "status", "score", "reasons", "policy_version", "created_at", "updated_at"])
        for secret in f.secrets { #expect(!result.stdout.contains(secret)) }
    }

    @Test func aMissingDatabaseIsAnErrorAndIsNotCreated() async throws {
        let missing = f.directory.appendingPathComponent("nope.sqlite").path
        let console = TerminalConsole.capturing(now: f.now)
        let command = try HakamCommand.parseAsRoot(["queue", "--db", missing]) as! any ConsoleCommand
        await #expect(throws: CLIError.self) { try await command.execute(console) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func badUsageIsExit64() async throws {
        #expect(await f.run(["queue", "--status", "maybe"]).exitCode == 64)
        #expect(await f.run(["queue", "--limit", "0"]).exitCode == 64)
        #expect(await f.run(["queue", "--since", "yesterday"]).exitCode == 64)
    }
}
