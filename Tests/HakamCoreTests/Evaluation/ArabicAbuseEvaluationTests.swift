import Foundation
@testable import HakamCore
import Testing

/// Measures the shipped Arabic abuse list against labelled tweets (OSACT2020 dev, L-HSAB).
/// The lists were written without looking at these corpora (they carry no licence); the
/// corpora only measure them. Figures are printed and recorded in Benchmarks/RESULTS.md.
@Suite("Arabic abuse list on labelled corpora", .enabled(if: SharedCorpora.arabicAbusePresent, "../shared/corpora/arabic-abuse is absent"))
struct ArabicAbuseEvaluationTests {
    struct Scores: CustomStringConvertible {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var falsePositiveRate: Double { Double(falsePositives) / Double(max(1, falsePositives + trueNegatives)) }
        var description: String {
            String(format: "offensive %d, normal %d: precision %.3f, recall %.3f, false-positive rate on normal %.3f",
                   truePositives + falseNegatives, falsePositives + trueNegatives, precision, recall, falsePositiveRate)
        }
    }

    /// "Held or worse" for a trusted author (first-time moderation would hold everything), content rules only.
    static func score(_ samples: [(text: String, offensive: Bool)]) throws -> Scores {
        let policy = try PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath)
        let judge = Judge(policy: policy)
        var scores = Scores()
        for sample in samples {
            let text = sample.text.replacingOccurrences(of: "<LF>", with: "\n")
            let comment = makeComment(body: text)
            let held = try judge.decide(contentReasons: try judge.assess(comment), history: AuthorHistory(approvedCount: 1), now: Date()).action >= .hold
            switch (sample.offensive, held) {
            case (true, true): scores.truePositives += 1
            case (true, false): scores.falseNegatives += 1
            case (false, true): scores.falsePositives += 1
            case (false, false): scores.trueNegatives += 1
            }
        }
        return scores
    }

    @Test func osact2020Dev() throws {
        let text = try String(contentsOf: SharedCorpora.root.appendingPathComponent("arabic-abuse/osact2020/OSACT2020-sharedTask-dev.txt"), encoding: .utf8)
        let samples = text.split(separator: "\n").compactMap { line -> (String, Bool)? in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 2 else { return nil }
            return (String(cells[0]), cells[1] == "OFF")
        }
        #expect(samples.count == 1_000)
        let scores = try Self.score(samples)
        print("OSACT2020 dev — \(scores)")
        // Floors that hold for the shipped list; a change that breaks them needs a look.
        #expect(scores.falsePositiveRate < 0.05)
        #expect(scores.precision > 0.5)
    }

    @Test func lHSAB() throws {
        let text = try String(contentsOf: SharedCorpora.root.appendingPathComponent("arabic-abuse/l-hsab/L-HSAB.tsv"), encoding: .utf8)
        let samples = SharedCorpora.tsvRows(text).dropFirst().compactMap { cells -> (String, Bool)? in
            guard cells.count >= 2 else { return nil }
            let label = cells[1].trimmingCharacters(in: .whitespaces)
            return (cells[0], label == "abusive" || label == "hate")
        }
        #expect(samples.count > 5_000)
        let scores = try Self.score(samples)
        print("L-HSAB — \(scores)")
        #expect(scores.falsePositiveRate < 0.05)
        #expect(scores.precision > 0.5)
    }
}
