import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam classifier rescore")
struct ClassifierRescoreCommandTests {
    let f: ModerationCLIFixture
    /// Policy A: the shipped rules, the content score counting fully (policy_weight 1), the default familiarity.
    let policyA: String
    /// Policy B: A plus a word list that every lesson's text matches (weight 7).
    let policyB: String
    static let listWeight = 7.0

    init() throws {
        f = try ModerationCLIFixture()
        let words = f.directory.appendingPathComponent("words")
        try FileManager.default.createDirectory(at: words, withIntermediateDirectories: true)
        try "pills\n".write(to: words.appendingPathComponent("pills.txt"), atomically: true, encoding: .utf8)
        policyA = f.directory.appendingPathComponent("a.yml").path
        policyB = f.directory.appendingPathComponent("b.yml").path
        try "classifier:\n  policy_weight: 1\n".write(toFile: policyA, atomically: true, encoding: .utf8)
        try "classifier:\n  policy_weight: 1\nword_lists:\n  - {name: pills-test, file: words/pills.txt, weight: \(Self.listWeight)}\n"
            .write(toFile: policyB, atomically: true, encoding: .utf8)
    }

    static let spam = ["buy cheap pills now", "pills shipped overnight click here", "discount pills best price", "pills without prescription order",
                       "free pills sample today", "cheapest pills online shop"]
    static let ham = ["my doctor changed my pills last week", "the article about sleeping pills was careful", "pills are not the answer to everything",
                      "thank you for the piece on pills and sleep", "I read that pills cost more here", "good reporting on the pills shortage"]

    /// Twelve moderated lessons taught under policy A, and a cut-off chosen for 20 % false
    /// positives on them (through the same function the server uses).
    func teachUnderPolicyA() async throws -> ClassifierChoice {
        for (n, body) in (Self.spam + Self.ham).enumerated() {
            let id = try await f.add(body, email: "reader\(n)@example.com")
            let result = await f.run([n < Self.spam.count ? "spam" : "approve", String(id), "--policy", policyA])
            #expect(result.exitCode == 0, "\(result.message)")
        }
        let asked = ClassifierChoice(kind: .naiveBayes, targetFalsePositiveRate: 0.2)
        let (choice, _) = try #require(asked.chosenAgain(on: try await f.database.classifierTrainingExamples(), documents: 12, alpha: 0.5, policyWeight: 1,
                                                              familiarity: ClassifierSettings.defaultFamiliarity))
        try await f.database.setClassifierChoice(choice, now: f.now)
        return choice
    }

    @Test func afterAWordListEditTheScoresAndTheCutoffFollowThePolicy() async throws {
        let chosen = try await teachUnderPolicyA()
        let cutoffA = try #require(chosen.cutoffLogOdds)
        let lessonsA = try await f.database.classifierTrainingExamples()
        #expect(lessonsA.count == 12 && lessonsA.allSatisfy { $0.contentScore != nil })

        // A dry run says what would change and changes nothing.
        let dry = await f.run(["classifier", "rescore", "--policy", policyB, "--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.message)")
        #expect(dry.stdout.contains("dry run: nothing is stored"))
        #expect(dry.stdout.contains("rescored   12 lessons, 12 would be changed"))
        #expect(dry.stdout.contains("not stored"))
        #expect(try await f.database.classifierTrainingExamples() == lessonsA)
        #expect(try await f.database.classifierChoice() == chosen)

        let run = await f.run(["classifier", "rescore", "--policy", policyB])
        #expect(run.exitCode == 0, "\(run.message)")
        #expect(run.stdout.contains("rescored   12 lessons, 12 changed"))
        #expect(run.stdout.contains("kept       0 lessons"))
        #expect(run.stdout.contains("seeds      0 kept"))
        #expect(run.stdout.contains("no score   0 lessons"))
        let lessonsB = try await f.database.classifierTrainingExamples()
        for (a, b) in zip(lessonsA, lessonsB) {
            #expect(abs((b.contentScore ?? 0) - (a.contentScore ?? 0) - Self.listWeight) < 1e-9)
        }
        // Every combined score moved by the list's weight: so did the cut-off, and it is stored.
        let stored = try await f.database.classifierChoice()
        let cutoffB = try #require(stored.cutoffLogOdds)
        #expect(abs(cutoffB - cutoffA - Self.listWeight) < 1e-6)
        #expect(stored.targetFalsePositiveRate == 0.2 && stored.documentsAtChoice == 12)
        #expect(run.stdout.contains(String(format: "cut-off    log odds %.4f → log odds %.4f", cutoffA, cutoffB)))
        #expect(run.stdout.contains("stored"))
        // Nothing private, and no comment text.
        for secret in f.secrets { #expect(!run.stdout.contains(secret) && !dry.stdout.contains(secret)) }
        for body in Self.spam + Self.ham { #expect(!run.stdout.contains(body) && !dry.stdout.contains(body)) }

        // Run again: nothing moves.
        let json = await f.run(["classifier", "rescore", "--policy", policyB, "--json"])
        #expect(json.exitCode == 0, "\(json.message)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["rescored"] as? Int == 12 && object["changed"] as? Int == 0 && object["dry_run"] as? Bool == false)
        #expect(object["cutoff_chosen"] as? Bool == true)
        #expect(abs((object["cutoff_log_odds"] as? Double ?? .nan) - cutoffB) < 1e-9)
    }

    @Test func withoutATargetRateOnlyTheScoresChange() async throws {
        let id = try await f.add("buy cheap pills now")
        #expect(await f.run(["spam", String(id), "--policy", policyA]).exitCode == 0)
        let forgotten = try await f.add("pills for everyone", email: "gone@example.com")
        #expect(await f.run(["approve", String(forgotten), "--policy", policyA]).exitCode == 0)
        #expect(await f.run(["forget", "--email", "gone@example.com"]).exitCode == 0)
        let before = try await f.database.classifierTrainingExamples()

        let run = await f.run(["classifier", "rescore", "--policy", policyB])
        #expect(run.exitCode == 0, "\(run.message)")
        #expect(run.stdout.contains("rescored   1 lessons, 1 changed"))
        #expect(run.stdout.contains("kept       1 lessons whose comment was purged or forgotten"))
        #expect(run.stdout.contains("none chosen for a false-positive rate"))
        let after = try await f.database.classifierTrainingExamples()
        #expect(after.first { $0.commentID == forgotten }?.contentScore == before.first { $0.commentID == forgotten }?.contentScore)
        #expect(try await f.database.classifierChoice() == ClassifierChoice())
    }

    @Test func aMissingDatabaseIsAnErrorWithExitCode1() async throws {
        let missing = f.directory.appendingPathComponent("nope.sqlite").path
        let command = try HakamCommand.parseAsRoot(["classifier", "rescore", "--db", missing, "--key-file", f.keyPath])
        let runnable = try #require(command as? any ConsoleCommand)
        let error = await #expect(throws: (any Error).self) { try await runnable.execute(.capturing(environment: [:], now: f.now)) }
        #expect(error.map { HakamCommand.exitCode(for: $0).rawValue } == 1)
        #expect(error.map { HakamCommand.message(for: $0).contains("no database at") } == true)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
