import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam classifier eval`: points of the ROC curve (recall and precision at 1 %, 2 % and 5 %
/// false positives, with the cut-off that gives them), plus precision, recall, F1 and the
/// confusion matrix at the policy's threshold — of the database's model on the files, by k-fold
/// cross-validation on the files alone, or trained on the files and tested on held-out files.
struct ClassifierEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the classifier on labelled CSV/TSV files.",
        discussion: """
            Without --folds or --held-out the model in the database is measured. With --folds K the files alone are used: \
            each comment is classified by a model trained on the other K-1 folds (the database is not read). With \
            --held-out FILE a model is trained on the files and measured on the held-out file(s) (the database is not read).
            Every comment is scored as the server decides: the model's log odds plus classifier.policy_weight (or \
            --policy-weight) times the content score the policy's other rules give it; the log odds count in proportion \
            when the model knows less of the comment than classifier.familiarity (or --familiarity). The ROC points give, for a target \
            false-positive rate, the recall reached and the cut-off of that score that reaches it (as a probability).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var input: LabelledFileOptions
    @Option(help: "k-fold cross-validation on the files (2 or more).") var folds: Int?
    @Option(name: .customLong("held-out"), help: ArgumentHelp("Train on the files, measure on this file (repeatable; same format options).", valueName: "file"))
    var heldOut: [String] = []
    @Option(help: "Learning algorithm for --folds/--held-out: naive-bayes, logistic or nb-logistic (logistic regression over naive Bayes log-count ratios).")
    var model: Kind = .naiveBayes
    @Option(help: "Smoothing (default: the policy's classifier.alpha).") var alpha: Double?
    @Option(help: ArgumentHelp("Spam at or above this probability (default: the policy's classifier.spam_probability).", valueName: "p"))
    var spamProbability: Double?
    @Option(help: ArgumentHelp("Features to use, comma-separated: words, bigrams, chars2, chars3, chars4, chars5, across, links, name, lexicon, lexicon-any; across takes the character n-grams over the whole text instead of inside words; lexicon, which of the policy's word lists match the body; lexicon-any, also whether any does; lexicon-xN (N 1 to 20), each list feature N times (default: words,bigrams,chars3,links,name,lexicon-any).", valueName: "list"))
    var features: String?
    @Flag(help: "Also print the figures at other probability thresholds.") var sweep = false
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "With --json, also each comment's score (log odds, weighed by familiarity, + W × content score), log odds, content score and familiarity, in the order of the files.") var scores = false
    @Option(name: .customLong("policy-weight"), help: ArgumentHelp("W in log odds + W × content score (default: the policy's classifier.policy_weight; 0: the model alone).", valueName: "W"))
    var policyWeight: Double?
    @Option(help: ArgumentHelp("Below this share of a comment's features seen in two or more training lessons, its log odds count in proportion (default: the policy's classifier.familiarity; 0: always fully).", valueName: "share"))
    var familiarity: Double?

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case naiveBayes = "naive-bayes", logistic, nbLogistic = "nb-logistic"
        var core: ClassifierKind { ClassifierKind(rawValue: rawValue) ?? .naiveBayes }
    }

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--folds must be 2 or more") }
        if folds != nil, !heldOut.isEmpty { throw ValidationError("--folds and --held-out cannot be combined") }
        if let alpha, !(alpha > 0 && alpha <= 10) { throw ValidationError("--alpha must be above 0 and at most 10") }
        if let spamProbability, !(spamProbability > 0 && spamProbability < 1) { throw ValidationError("--spam-probability must be between 0 and 1") }
        if let features { _ = try Self.extractorOptions(features) }
        if let policyWeight, !(policyWeight >= 0 && policyWeight <= 10) { throw ValidationError("--policy-weight must be 0 to 10") }
        if let familiarity, !(familiarity >= 0 && familiarity <= 1) { throw ValidationError("--familiarity must be 0 to 1") }
    }

    static func extractorOptions(_ list: String) throws -> FeatureExtractor.Options {
        var options = FeatureExtractor.Options()
        options.words = false; options.bigrams = false; options.charGramSizes = []; options.links = false; options.nameShape = false
        options.lexicon = false; options.lexiconSummary = false
        for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch item {
            case "words": options.words = true
            case "bigrams": options.bigrams = true
            case "chars2": options.charGramSizes.append(2)
            case "chars3": options.charGramSizes.append(3)
            case "chars4": options.charGramSizes.append(4)
            case "chars5": options.charGramSizes.append(5)
            case "links": options.links = true
            case "name": options.nameShape = true
            case "across": options.charGramsAcrossWords = true
            case "lexicon": options.lexicon = true
            case "lexicon-any": options.lexicon = true; options.lexiconSummary = true
            case let copies where copies.hasPrefix("lexicon-x"):
                guard let count = Int(copies.dropFirst("lexicon-x".count)), (1...20).contains(count) else {
                    throw ValidationError("--features \(copies): the number of copies must be 1 to 20")
                }
                options.lexiconCopies = count
            default: throw ValidationError("unknown feature '\(item)' in --features (known: words, bigrams, chars2, chars3, chars4, chars5, across, links, name, lexicon, lexicon-any, lexicon-xN)")
            }
        }
        return options
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let policy = try global.loadPolicy()
            let training = try input.examples()
            guard !training.isEmpty else { throw CLIError("no labelled rows in \(input.files.joined(separator: ", "))") }
            let alpha = alpha ?? policy.classifier.alpha
            let threshold = spamProbability ?? policy.classifier.spamProbability
            let extractor = FeatureExtractor(options: try features.map(Self.extractorOptions) ?? FeatureExtractor.Options(),
                                             lexicon: policy.wordLists)
            let examples: [LabelledExample]
            let logOdds: [Double]
            let familiarities: [Double]
            let method: String
            var stored: ClassifierChoice?
            var storedModelName: String?
            if let folds {
                examples = training
                var validation = CrossValidation(folds: folds, alpha: alpha, spamProbability: threshold, extractor: extractor)
                validation.kind = model.core
                (logOdds, familiarities) = validation.opinions(examples)
                method = "\(folds)-fold cross-validation"
            } else if !heldOut.isEmpty {
                examples = try input.examples(from: heldOut)
                guard !examples.isEmpty else { throw CLIError("no labelled rows in \(heldOut.joined(separator: ", "))") }
                let trainingFeatures = training.map { (features: extractor.features(of: $0.input), spam: $0.label == .spam) }
                (logOdds, familiarities) = model.core.opinions(training: trainingFeatures, test: examples.map { extractor.features(of: $0.input) },
                                                               alpha: alpha)
                method = "trained on \(training.count) examples of \(input.files.count) file(s), tested on \(heldOut.count) held-out file(s)"
            } else {
                examples = training
                let snapshot = try await global.teaching(await global.openExistingDatabase(), policy: policy).loadClassifierSnapshot(alpha: alpha)
                let documents = snapshot.model.documents
                guard documents.spam > 0, documents.ham > 0 else {
                    throw CLIError("the database's classifier has not seen both classes yet (hakam train, or --folds K)")
                }
                let opinions = examples.map { snapshot.classify(features: extractor.features(of: $0.input)) }
                logOdds = opinions.map(\.logOdds)
                familiarities = opinions.map(\.familiarity)
                method = "the database's model (\(documents.spam) spam, \(documents.ham) ham)"
                stored = snapshot.choice
                storedModelName = snapshot.logistic == nil ? "naive Bayes, alpha \(alpha)" : snapshot.choice.kind == .nbLogistic ? "NB-LR (logistic regression over naive Bayes ratios)" : "logistic regression"
            }
            // What the server compares with the cut-off (ClassifierScore): the same formula, the same rules.
            let weight = policyWeight ?? policy.classifier.policyWeight
            let fullTrust = familiarity ?? policy.classifier.familiarity
            let scorer = LessonContentScorer(judge: Judge(policy: policy))
            let contentScores = weight == 0 && !scores ? [Double](repeating: 0, count: examples.count) : examples.map { scorer.score($0.input) }
            let combined = logOdds.indices.map {
                ClassifierScore.combined(logOdds: logOdds[$0], contentScore: contentScores[$0], policyWeight: weight,
                                         familiarity: familiarities[$0], fullTrustFamiliarity: fullTrust)
            }
            let probabilities = combined.map(Self.probability)
            let spam = examples.map { $0.label == .spam }
            let points = OperatingPoint.standardRates.map { OperatingPoint.at(falsePositiveRate: $0, scores: combined, spam: spam) }
            let auc = OperatingPoint.areaUnderCurve(scores: combined, spam: spam)
            var matrix = ConfusionMatrix()
            for (score, isSpam) in zip(combined, spam) {
                matrix.record(actualSpam: isSpam, predictedSpam: (stored ?? ClassifierChoice()).isSpam(logOdds: score, policyProbability: threshold))
            }
            let modelName = storedModelName ?? (model == .naiveBayes ? "naive Bayes, alpha \(alpha)" : model == .logistic ? "logistic regression" : "NB-LR (logistic regression over naive Bayes ratios)")
            if json {
                try console.print(Self.json(examples: examples, model: modelName, method: method, threshold: threshold, matrix: matrix, points: points, auc: auc, chosen: stored,
                                            policyWeight: weight, familiarity: fullTrust,
                                            scores: scores ? (combined: combined, logOdds: logOdds, content: contentScores, familiarity: familiarities) : nil))
                return
            }
            let spamCount = examples.spamCount
            console.print("examples   \(examples.count) (\(spamCount) spam, \(examples.count - spamCount) ham) from \(heldOut.isEmpty ? input.files.count : heldOut.count) file(s)")
            console.print("model      \(modelName), \(method)")
            console.print("score      log odds" + TrainCommand.familiarityText(fullTrust)
                          + (weight == 0 ? " (classifier.policy_weight 0)" : " + \(String(format: "%g", weight)) × content score of the policy's other rules"))
            console.print(String(format: "ROC AUC    %.3f", auc))
            console.print()
            console.print("at FP rate  recall  precision  cut-off (spam probability above)")
            for point in points {
                console.print(String(format: "%9.0f %%  %6.3f  %9.3f  ", point.targetFalsePositiveRate * 100, point.recall, point.precision) + Self.cutoffText(point.cutoff))
            }
            console.print()
            if let cutoff = stored?.cutoffLogOdds {
                console.print("at the stored cut-off (chosen for " + String(format: "%g", (stored?.targetFalsePositiveRate ?? 0) * 100) + " % false positives), spam above " + Self.cutoffText(cutoff) + ":")
            } else {
                console.print("at the policy's threshold, spam at p ≥ \(threshold):")
            }
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

    static func probability(_ logOdds: Double) -> Double { 1 / (1 + exp(-min(max(logOdds, -700), 700))) }

    /// A cut-off as a probability people can paste into the policy, with the log odds when the
    /// probability rounds to 1.
    static func cutoffText(_ logOdds: Double) -> String {
        guard logOdds.isFinite else { return "none (every comment)" }
        let p = probability(logOdds)
        return p < 0.999999 ? String(format: "%.6f  (log odds %.2f)", p, logOdds) : String(format: "1 - %.1e  (log odds %.2f)", 1 - p, logOdds)
    }

    static func json(examples: [LabelledExample], model: String, method: String, threshold: Double,
                     matrix: ConfusionMatrix, points: [OperatingPoint], auc: Double, chosen: ClassifierChoice? = nil,
                     policyWeight: Double = 0, familiarity: Double = 0,
                     scores: (combined: [Double], logOdds: [Double], content: [Double], familiarity: [Double])? = nil) throws -> String {
        struct Point: Encodable {
            let fp_target: Double, recall: Double, precision: Double, fp_rate: Double
            let cutoff_log_odds: Double?, cutoff_probability: Double?
        }
        struct AtThreshold: Encodable {
            let spam_probability: Double, precision: Double, recall: Double, f1: Double, fp_rate: Double
            let true_positives: Int, false_positives: Int, false_negatives: Int, true_negatives: Int
        }
        struct Chosen: Encodable {
            let model: String, cutoff_log_odds: Double?, cutoff_probability: Double?, target_fp: Double?
        }
        struct Output: Encodable {
            let examples: Int, spam: Int, model: String, method: String, auc: Double
            let roc: [Point], at_threshold: AtThreshold
            let chosen: Chosen?
            /// W and F of `scores = trust × log_odds + W × content_scores`, where trust is
            /// min(1, familiarities / F) when F > 0 (ClassifierScore).
            let policy_weight: Double, familiarity: Double
            /// Infinite log odds (naive Bayes can reach them) are clamped so JSON can hold them.
            let scores: [Double]?, log_odds: [Double]?, content_scores: [Double]?, familiarities: [Double]?
        }
        let output = Output(
            examples: examples.count, spam: examples.spamCount, model: model, method: method, auc: auc,
            roc: points.map { Point(fp_target: $0.targetFalsePositiveRate, recall: $0.recall, precision: $0.precision, fp_rate: $0.falsePositiveRate,
                                    cutoff_log_odds: $0.cutoff.isFinite ? $0.cutoff : nil,
                                    cutoff_probability: $0.cutoff.isFinite ? probability($0.cutoff) : nil) },
            at_threshold: AtThreshold(spam_probability: threshold, precision: matrix.precision, recall: matrix.recall, f1: matrix.f1,
                                      fp_rate: matrix.falsePositiveRate, true_positives: matrix.truePositives,
                                      false_positives: matrix.falsePositives, false_negatives: matrix.falseNegatives,
                                      true_negatives: matrix.trueNegatives),
            chosen: chosen.map { Chosen(model: $0.kind.rawValue, cutoff_log_odds: $0.cutoffLogOdds,
                                        cutoff_probability: $0.cutoffLogOdds.map(probability), target_fp: $0.targetFalsePositiveRate) },
            policy_weight: policyWeight, familiarity: familiarity,
            scores: scores?.combined.map(clamp), log_odds: scores?.logOdds.map(clamp), content_scores: scores?.content,
            familiarities: scores?.familiarity)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    private static func clamp(_ value: Double) -> Double { min(max(value, -1e300), 1e300) }
}

extension ClassifierEvalCommand: ConsoleCommand {}
