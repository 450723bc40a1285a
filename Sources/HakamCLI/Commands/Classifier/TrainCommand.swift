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
        } catch {
            throw moderationFailure(error)
        }
    }
}

extension TrainCommand: ConsoleCommand {}
