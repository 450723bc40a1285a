import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import Testing

@Suite("hakam train and hakam classifier")
struct ClassifierCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    /// A labelled CSV with quoted cells holding commas, quotes and line breaks.
    func writeCSV() throws -> String {
        var csv = "ID,AUTHOR,CONTENT,CLASS\r\n"
        let spam = ["subscribe to my channel, free money", "\"free\" gift cards\non my channel", "make money fast http://cash.example", "check my channel, subscribe", "اربح المال اشترك في قناتي", "free money, click http://cash.example"]
        let ham = ["thank you for the analysis", "I disagree with the author", "شكرا على التحليل الممتاز", "great reporting, thanks", "مقال رائع عن الاقتصاد", "the election coverage was good"]
        for (n, text) in spam.enumerated() { csv += "s\(n),Promo,\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\",1\r\n" }
        for (n, text) in ham.enumerated() { csv += "h\(n),Reader,\"\(text)\",0\r\n" }
        let path = f.directory.appendingPathComponent("labelled.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func trainThenStatsThenEvalOnTheDatabaseModel() async throws {
        let file = try writeCSV()
        let train = await f.run(["train", "--format", "csv", file, "--text-column", "CONTENT", "--label-column", "CLASS", "--spam-label", "1"])
        #expect(train.exitCode == 0)
        #expect(train.stdout.contains("trained 12 examples (6 spam, 6 ham)"))

        let stats = await f.run(["classifier", "stats"])
        #expect(stats.exitCode == 0)
        #expect(stats.stdout.contains("examples  spam 6 (0 from moderators)  ham 6 (0 from moderators)"))
        #expect(stats.stdout.contains("no opinion yet: needs 50 examples of each class"))

        let eval = await f.run(["classifier", "eval", file, "--spam-probability", "0.5"])
        #expect(eval.exitCode == 0)
        #expect(eval.stdout.contains("examples   12 (6 spam, 6 ham) from 1 file(s)"))
        #expect(eval.stdout.contains("precision  1.000"))
        #expect(eval.stdout.contains("FP rate    0.000  (0 of 6 ham called spam)"))
        #expect(eval.stdout.contains("actual spam"))
    }

    @Test func crossValidationNeedsNoDatabaseModel() async throws {
        let file = try writeCSV()
        let eval = await f.run(["classifier", "eval", file, "--folds", "3", "--spam-probability", "0.5", "--sweep"])
        #expect(eval.exitCode == 0)
        #expect(eval.stdout.contains("3-fold cross-validation"))
        #expect(eval.stdout.contains("threshold  precision"))
        let matrix = eval.stdout.split(separator: "\n").filter { $0.hasPrefix("actual") }
            .flatMap { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(matrix.reduce(0, +) == 12)
    }

    @Test func moderatorsDecisionsShowInStats() async throws {
        let spam = try await f.add("subscribe to my channel")
        let ham = try await f.add("thank you", email: "other@example.com")
        _ = await f.run(["spam", String(spam)])
        _ = await f.run(["approve", String(ham)])
        let stats = await f.run(["classifier", "stats", "--json"])
        #expect(stats.exitCode == 0)
        #expect(stats.stdout.contains("\"spam_from_moderators\":1"))
        #expect(stats.stdout.contains("\"ham_from_moderators\":1"))
    }

    @Test func failuresAndBadUsageHaveTheirExitCodes() async throws {
        let missing = await f.run(["train", f.directory.appendingPathComponent("nope.csv").path])
        #expect(missing.exitCode == 1)
        #expect(missing.message.contains("cannot read"))

        let file = try writeCSV()
        let noColumn = await f.run(["train", file, "--text-column", "BODY"])
        #expect(noColumn.exitCode == 1)
        #expect(noColumn.message.contains("no text column (BODY)"))

        let untrained = await f.run(["classifier", "eval", file])
        #expect(untrained.exitCode == 1)
        #expect(untrained.message.contains("has not seen both classes"))

        #expect(await f.run(["classifier", "eval", file, "--folds", "1"]).exitCode == 64)
        #expect(await f.run(["classifier", "eval", file, "--features", "words,sounds"]).exitCode == 64)
        #expect(await f.run(["train", "--format", "xml", file]).exitCode == 64)
    }
}
