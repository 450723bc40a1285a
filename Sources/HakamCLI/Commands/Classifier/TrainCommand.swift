import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam train`: seeds the classifier from a labelled file (adds to what moderators taught it).
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Teach the spam classifier from labelled CSV/TSV files.",
        discussion: "Seeded examples add to the counts moderators' decisions build; they belong to no comment, so `undo` does not apply to them.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: LabelledFileOptions
    @Option(name: .customLong("target-fp"), help: ArgumentHelp("Also report the spam-probability cut-off that keeps false positives at this rate (e.g. 0.02) on 5-fold cross-validation of the files.", valueName: "rate"))
    var targetFalsePositiveRate: Double?

    func validate() throws {
        if let targetFalsePositiveRate, !(targetFalsePositiveRate > 0 && targetFalsePositiveRate < 1) {
            throw ValidationError("--target-fp must be between 0 and 1 (e.g. 0.02)")
        }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let examples = try input.examples()
            guard !examples.isEmpty else { throw CLIError("no labelled rows in \(input.files.joined(separator: ", "))") }
            let extractor = FeatureExtractor()
            var counts = ClassifierCounts()
            for example in examples { counts.apply(extractor.features(of: example.input), label: example.label) }
            let database = try await global.openDatabase()
            try await database.trainClassifier(counts, now: console.now())
            let stats = try await database.classifierStats()
            console.print("trained \(examples.count) examples (\(counts.documents.spam) spam, \(counts.documents.ham) ham)")
            console.print("model   \(stats.documents.spam) spam, \(stats.documents.ham) ham, \(stats.features) features")
            if let target = targetFalsePositiveRate {
                let policy = try global.loadPolicy()
                let logOdds = CrossValidation(folds: 5, alpha: policy.classifier.alpha, extractor: extractor).logOdds(examples)
                let point = OperatingPoint.at(falsePositiveRate: target, scores: logOdds, spam: examples.map { $0.label == .spam })
                console.print(String(format: "cut-off for %g %% false positives (5-fold cross-validation of these examples): recall %.3f at spam probability above ", target * 100, point.recall)
                              + ClassifierEvalCommand.cutoffText(point.cutoff))
                if point.cutoff.isFinite {
                    let p = ClassifierEvalCommand.probability(point.cutoff)
                    console.print(p < 1 ? "set classifier.spam_probability: " + String(format: "%.10f", p) + " in the policy to use it"
                                  : "the cut-off is beyond what a probability can express (log odds above 36): keep the policy's classifier.spam_probability")
                }
            }
        } catch {
            throw moderationFailure(error)
        }
    }
}

extension TrainCommand: ConsoleCommand {}
