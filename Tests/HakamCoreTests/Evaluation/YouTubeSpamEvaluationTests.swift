import Foundation
@testable import HakamCore
import Testing

/// The classifier on the UCI YouTube Spam Collection (Alberto, Lochter & Almeida 2015; CC BY 4.0),
/// read from `../shared/corpora/youtube-spam` and never copied. Full figures: Benchmarks/RESULTS.md.
@Suite("classifier on the YouTube spam collection", .enabled(if: SharedCorpora.youtubeSpamPresent, "../shared/corpora/youtube-spam is absent"))
struct YouTubeSpamEvaluationTests {
    static func examples() throws -> [LabelledExample] {
        let folder = SharedCorpora.root.appendingPathComponent("youtube-spam")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        var examples: [LabelledExample] = []
        for file in files {
            let rows = DelimitedTextParser().rows(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            let header = try #require(rows.first)
            let content = try #require(header.firstIndex(of: "CONTENT")), label = try #require(header.firstIndex(of: "CLASS"))
            let author = try #require(header.firstIndex(of: "AUTHOR"))
            for row in rows.dropFirst() {
                examples.append(LabelledExample(input: ClassifierInput(name: row[author], body: row[content]), label: row[label] == "1" ? .spam : .ham))
            }
        }
        return examples
    }

    /// 5-fold cross-validation with the shipped policy's settings: the floors.
    @Test func fiveFoldCrossValidationMeetsTheFloors() throws {
        let examples = try Self.examples()
        #expect(examples.count == 1_956)
        #expect(examples.count { $0.label == .spam } == 1_005)
        let settings = try PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath).classifier
        let matrix = CrossValidation(folds: 5, alpha: settings.alpha, spamProbability: settings.spamProbability).run(examples)
        print(String(format: "YouTube spam, 5-fold: precision %.3f recall %.3f F1 %.3f FP rate %.3f (TP %d FP %d FN %d TN %d)",
                     matrix.precision, matrix.recall, matrix.f1, matrix.falsePositiveRate,
                     matrix.truePositives, matrix.falsePositives, matrix.falseNegatives, matrix.trueNegatives))
        #expect(matrix.f1 >= 0.95)
        #expect(matrix.falsePositiveRate <= 0.03)
    }
}
