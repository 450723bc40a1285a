import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam train`: seeds the classifier from a labelled file (adds to what moderators taught it),
/// and optionally chooses the model the site runs and its cut-off from a target false-positive
/// rate, measured on held-out folds of every lesson the database holds.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Teach the spam classifier from labelled CSV/TSV files.",
        discussion: """
            Seeded examples add to the counts moderators' decisions build; they belong to no comment, so `undo` does not apply to them. \
            With --target-fp, every stored lesson (seeded and moderated) is split into 5 folds, each scored by a model trained on \
            the others; its log odds plus classifier.policy_weight times the content score the policy's other rules give it is \
            what the server compares with the cut-off, and the cut-off that keeps that share of held-out ham below it is stored \
            with the model: the server then uses it instead of the policy's classifier.spam_probability. The server chooses it again, for the same rate, each time \
            the model has learnt a fifth more (or fewer) comments than when it was chosen.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: LabelledFileOptions
    @Option(name: .customLong("target-fp"), help: ArgumentHelp("Choose and store the cut-off that keeps false positives at this rate (e.g. 0.02) on 5-fold cross-validation of the stored lessons.", valueName: "rate"))
    var targetFalsePositiveRate: Double?
    @Option(help: "The model the site runs from now on: naive-bayes, logistic or nb-logistic (default: keep the stored choice).")
    var model: ClassifierEvalCommand.Kind?

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
            let policy = try global.loadPolicy()
            let extractor = global.classifierFeatures(policy)
            var counts = ClassifierCounts()
            // Each seed keeps the content score the policy's rules give it: the cut-off is chosen
            // on log odds + classifier.policy_weight × that score, as the submit path decides.
            let scorer = LessonContentScorer(judge: Judge(policy: policy))
            var seeds: [ClassifierTrainingExample] = []
            seeds.reserveCapacity(examples.count)
            for example in examples {
                let features = extractor.features(of: example.input)
                counts.apply(features, label: example.label)
                seeds.append(ClassifierTrainingExample(features: features, spam: example.label == .spam, contentScore: scorer.score(example.input)))
            }
            let database = try await global.openDatabase()
            try await database.trainClassifier(counts, examples: seeds, now: console.now())
            let stats = try await database.classifierStats()
            console.print("trained \(examples.count) examples (\(counts.documents.spam) spam, \(counts.documents.ham) ham)")
            console.print("model   \(stats.documents.spam) spam, \(stats.documents.ham) ham, \(stats.features) features")
            var choice = try await database.classifierChoice()
            if let model { choice.kind = model.core }
            if let target = targetFalsePositiveRate {
                let lessons = try await database.classifierTrainingExamples()
                let weight = policy.classifier.policyWeight
                let chooser = ClassifierCutoffChooser(kind: choice.kind, settings: policy.classifier)
                guard let point = chooser.choose(lessons, target: target) else {
                    throw CLIError("too few stored lessons of each class to choose a cut-off (at least 5 spam and 5 ham)")
                }
                choice.cutoffLogOdds = point.cutoff.isFinite ? point.cutoff : nil
                choice.targetFalsePositiveRate = target
                choice.documentsAtChoice = stats.documents.spam + stats.documents.ham
                console.print(String(format: "cut-off for %g %% false positives", target * 100)
                              + " (\(choice.kind.rawValue), 5-fold cross-validation of \(lessons.count) stored lessons, "
                              + "log odds" + Self.familiarityText(policy.classifier.familiarity)
                              + " + \(String(format: "%g", weight)) × content score): "
                              + String(format: "recall %.3f, FP %.3f, spam above ", point.recall, point.falsePositiveRate)
                              + ClassifierEvalCommand.cutoffText(point.cutoff))
                let unscored = lessons.count { $0.contentScore == nil }
                if weight != 0, unscored > 0 {
                    console.print("note: \(unscored) of \(lessons.count) lessons were stored without a content score (before it was kept); they count as 0")
                }
                if !point.cutoff.isFinite {
                    console.print("every held-out comment would be called spam at that rate: no cut-off stored, the policy's classifier.spam_probability applies")
                }
            }
            if model != nil || targetFalsePositiveRate != nil {
                try await database.setClassifierChoice(choice, now: console.now())
                console.print("stored   model \(choice.kind.rawValue), " + (choice.cutoffLogOdds.map { "cut-off log odds " + String(format: "%.4f", $0) } ?? "cut-off: the policy's classifier.spam_probability"))
            }
        } catch {
            throw moderationFailure(error)
        }
    }
}

extension TrainCommand: ConsoleCommand {
    /// " (weighed below 70 % familiarity)": how the log odds count in what the cut-off is drawn on.
    static func familiarityText(_ familiarity: Double) -> String {
        familiarity > 0 ? String(format: " (weighed below %g %% familiarity)", familiarity * 100) : ""
    }
}
