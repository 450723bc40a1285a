import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam classifier eval`: precision, recall, F1, false-positive rate and the confusion matrix,
/// either of the database's model on the files, or by k-fold cross-validation on the files alone.
struct ClassifierEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the classifier on labelled CSV/TSV files.",
        discussion: "Without --folds the model in the database is measured. With --folds K the files alone are used: each comment is classified by a model trained on the other K-1 folds (the database is not read).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: LabelledFileOptions
    @Option(help: "k-fold cross-validation on the files (2 or more).") var folds: Int?
    @Option(help: "Smoothing (default: the policy's classifier.alpha).") var alpha: Double?
    @Option(help: ArgumentHelp("Spam at or above this probability (default: the policy's classifier.spam_probability).", valueName: "p"))
    var spamProbability: Double?
    @Option(help: ArgumentHelp("Features to use, comma-separated: words, bigrams, chars3, chars4, chars5, links, name (default: words,bigrams,chars3,links,name).", valueName: "list"))
    var features: String?
    @Flag(help: "Also print the figures at other probability thresholds.") var sweep = false

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--folds must be 2 or more") }
        if let alpha, !(alpha > 0 && alpha <= 10) { throw ValidationError("--alpha must be above 0 and at most 10") }
        if let spamProbability, !(spamProbability > 0 && spamProbability < 1) { throw ValidationError("--spam-probability must be between 0 and 1") }
        if let features { _ = try Self.extractorOptions(features) }
    }

    static func extractorOptions(_ list: String) throws -> FeatureExtractor.Options {
        var options = FeatureExtractor.Options()
        options.words = false; options.bigrams = false; options.charGramSizes = []; options.links = false; options.nameShape = false
        for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch item {
            case "words": options.words = true
            case "bigrams": options.bigrams = true
            case "chars3": options.charGramSizes.append(3)
            case "chars4": options.charGramSizes.append(4)
            case "chars5": options.charGramSizes.append(5)
            case "links": options.links = true
            case "name": options.nameShape = true
            default: throw ValidationError("unknown feature '\(item)' in --features (known: words, bigrams, chars3, chars4, chars5, links, name)")
            }
        }
        return options
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let policy = try global.loadPolicy()
            let examples = try input.examples()
            guard !examples.isEmpty else { throw CLIError("no labelled rows in \(input.files.joined(separator: ", "))") }
            let alpha = alpha ?? policy.classifier.alpha
            let threshold = spamProbability ?? policy.classifier.spamProbability
            let extractor = FeatureExtractor(options: try features.map(Self.extractorOptions) ?? FeatureExtractor.Options())
            let probabilities: [Double]
            let method: String
            if let folds {
                probabilities = CrossValidation(folds: folds, alpha: alpha, spamProbability: threshold, extractor: extractor).probabilities(examples)
                method = "\(folds)-fold cross-validation"
            } else {
                let (counts, _) = try await global.openExistingDatabase().classifierCounts()
                guard counts.documents.spam > 0, counts.documents.ham > 0 else {
                    throw CLIError("the database's classifier has not seen both classes yet (hakam train, or --folds K)")
                }
                let model = NaiveBayesModel(counts: counts, alpha: alpha)
                probabilities = examples.map { model.classify(extractor.features(of: $0.input)).spamProbability }
                method = "the database's model (\(counts.documents.spam) spam, \(counts.documents.ham) ham)"
            }
            let matrix = CrossValidation.matrix(examples, probabilities: probabilities, spamProbability: threshold)
            let spam = examples.spamCount
            console.print("examples   \(examples.count) (\(spam) spam, \(examples.count - spam) ham) from \(input.files.count) file(s)")
            console.print("model      naive Bayes, alpha \(alpha), spam at p ≥ \(threshold), \(method)")
            console.print(String(format: "precision  %.3f", matrix.precision))
            console.print(String(format: "recall     %.3f", matrix.recall))
            console.print(String(format: "F1         %.3f", matrix.f1))
            console.print(String(format: "FP rate    %.3f  (%d of %d ham called spam)", matrix.falsePositiveRate, matrix.falsePositives, matrix.falsePositives + matrix.trueNegatives))
            console.print(String(format: "accuracy   %.3f", matrix.accuracy))
            console.print()
            let width = max(6, String(matrix.total).count + 2)
            func cell(_ value: Int) -> String { TerminalText.pad(String(value), to: width + 9, alignRight: true) }
            console.print("             " + TerminalText.pad("predicted spam", to: width + 9, alignRight: true) + TerminalText.pad("predicted ham", to: width + 9, alignRight: true))
            console.print("actual spam  " + cell(matrix.truePositives) + cell(matrix.falseNegatives))
            console.print("actual ham   " + cell(matrix.falsePositives) + cell(matrix.trueNegatives))
            if sweep {
                console.print()
                console.print("threshold  precision  recall     F1  FP rate")
                for p in [0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999] {
                    let m = CrossValidation.matrix(examples, probabilities: probabilities, spamProbability: p)
                    console.print(String(format: "%9g  %9.3f  %6.3f  %5.3f  %7.3f", p, m.precision, m.recall, m.f1, m.falsePositiveRate))
                }
            }
        } catch {
            throw moderationFailure(error)
        }
    }
}

extension ClassifierEvalCommand: ConsoleCommand {}
