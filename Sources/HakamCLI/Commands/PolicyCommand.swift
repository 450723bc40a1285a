import ArgumentParser
import Foundation
import HakamCore
import HakamService

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check a policy file, or dry-run one comment through it.", subcommands: [Check.self, TryComment.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a policy file and print a summary.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The policy file (default: --policy or the shipped one).") var file: String?

        func run() async throws {
            let source = file.map(PolicySource.file) ?? global.policySource
            let path = source.path
            let policy: Policy
            do { policy = try source.load() } catch { throw CLIError(error.description) }
            let entries = policy.wordLists.reduce(0) { $0 + $1.patterns.count }
            let domains = policy.domainLists.reduce(0) { $0 + $1.domains.count }
            print("\(path): ok (version \(policy.version.prefix(12)), moderation \(policy.moderation.rawValue), thresholds hold \(policy.thresholds.hold) / spam \(policy.thresholds.spam) / trash \(policy.thresholds.trash), \(policy.wordLists.count) word lists with \(entries) entries, \(policy.domainLists.count) domain lists with \(domains) domains)")
        }
    }

    /// `hakam policy test`: the verdict a comment would get, without storing anything.
    struct TryComment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Print the verdict and reasons a comment would get (nothing is stored).",
            discussion: """
                The verdict includes the classifier when the database (--db or HAKAM_DB) exists and its model has enough \
                examples; --json gives its spam probability as classifier_probability (null without a model), and its decision \
                as classifier: log_odds + policy_weight × content_score = score, compared with cutoff_log_odds (the stored \
                cut-off; null: the policy's spam_probability), and spam.
                --batch FILE judges one comment per line of FILE (- for standard input): a JSON object \
                {"body": "...", "name": "..."} or plain text, and prints one JSON verdict per line, in order.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The comment text.") var body: String?
        @Option(help: ArgumentHelp("Judge one comment per line of this file (- for standard input), one JSON verdict per line.", valueName: "file"))
        var batch: String?
        @Option(help: "Author name.") var name = "Test Reader"
        @Option(help: "Author email (never printed).") var email = "reader@example.com"
        @Option(help: "Website.") var url: String?
        @Option(help: "Post key.") var post = "policy-test"
        @Flag(help: "Print one JSON object.") var json = false

        func validate() throws {
            if (body == nil) == (batch == nil) { throw ValidationError("give either --body TEXT or --batch FILE") }
        }

        func run() async throws { try await execute(.live()) }

        func execute(_ console: TerminalConsole) async throws {
            let policy = try global.loadPolicy()
            let judge = Judge(policy: policy)
            let classifier = try await loadClassifier(policy)
            if let batch {
                try judgeBatch(batch, judge: judge, policy: policy, classifier: classifier, console: console)
                return
            }
            let outcome = try judgeOne(Submission(post: post, name: name, email: email, url: url, body: body ?? ""),
                                       judge: judge, policy: policy, classifier: classifier)
            switch outcome {
            case .invalid(let message): throw CLIError(message)
            case .judged(let verdict, let decision):
                console.print(json ? try VerdictReport.json(verdict, classifier: decision)
                                   : VerdictReport.text(verdict, classifier: decision, model: classifier))
            }
        }

        enum Outcome {
            case judged(Verdict, classifier: ClassifierDecision?)
            case invalid(String)
        }

        /// The database's model when there is a database holding one (never creates a database).
        private func loadClassifier(_ policy: Policy) async throws -> ClassifierSnapshot? {
            guard policy.classifier.enabled, FileManager.default.fileExists(atPath: global.databasePath) else { return nil }
            let snapshot = try await global.teaching(await global.openExistingDatabase(), policy: policy).loadClassifierSnapshot(alpha: policy.classifier.alpha)
            return snapshot.model.isReady(minimumPerClass: policy.classifier.minExamplesPerClass) ? snapshot : nil
        }

        private func judgeOne(_ submission: Submission, judge: Judge, policy: Policy, classifier: ClassifierSnapshot?) throws -> Outcome {
            let validated: ValidatedSubmission
            do {
                validated = try SubmissionValidator(limits: policy.limits).validate(submission)
            } catch {
                let messages = Messages(.english)
                let fields = error.fields.map { "\($0.key.rawValue): \(messages.fieldError($0.value, field: $0.key))" }.sorted()
                return .invalid("invalid comment: " + fields.joined(separator: "; "))
            }
            do {
                // A first-time author with no history: what a new reader would get.
                let verdict = try judge.decide(contentReasons: try judge.assess(validated, classifier: classifier), history: AuthorHistory(), now: Date())
                return .judged(verdict, classifier: judge.classifierDecision(validated, classifier: classifier))
            } catch {
                return .invalid("refused outright: \(error)")
            }
        }

        private func judgeBatch(_ path: String, judge: Judge, policy: Policy, classifier: ClassifierSnapshot?, console: TerminalConsole) throws {
            let handle: FileHandle
            if path == "-" { handle = .standardInput } else {
                guard let file = FileHandle(forReadingAtPath: path) else { throw CLIError("cannot read \(path)") }
                handle = file
            }
            let data = handle.readDataToEndOfFile()
            var output = ""
            for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.hasSuffix("\r") ? line.dropLast() : line
                if text.isEmpty { continue }
                var lineBody = String(text), lineName = name
                if text.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                    guard let value = object["body"] as? String else {
                        output += VerdictReport.errorJSON(line: index + 1, message: "no \"body\" string") + "\n"
                        continue
                    }
                    lineBody = value
                    if let value = object["name"] as? String { lineName = value }
                }
                switch try judgeOne(Submission(post: post, name: lineName, email: email, url: url, body: lineBody),
                                    judge: judge, policy: policy, classifier: classifier) {
                case .invalid(let message): output += VerdictReport.errorJSON(line: index + 1, message: message) + "\n"
                case .judged(let verdict, let decision): output += try VerdictReport.json(verdict, classifier: decision) + "\n"
                }
                if output.utf8.count > 1 << 16 { console.print(String(output.dropLast())); output = "" }
            }
            if !output.isEmpty { console.print(String(output.dropLast())) }
        }
    }
}

extension PolicyCommand.TryComment: ConsoleCommand {}

/// Prints a verdict for people (aligned lines) or for tools (one JSON object).
enum VerdictReport {
    static func text(_ verdict: Verdict, classifier decision: ClassifierDecision? = nil, model: ClassifierSnapshot? = nil) -> String {
        var lines = ["verdict: \(verdict.action.rawValue) (status \(verdict.status.rawValue)), score \(format(verdict.score)), policy \(verdict.policyVersion.prefix(12))"]
        if let decision, let model {
            lines.append(String(format: "classifier: spam probability %.4f", decision.spamProbability)
                         + " (model of \(model.model.documents.spam) spam, \(model.model.documents.ham) ham); "
                         + decision.explanation + (decision.cutoffLogOdds == nil ? ", policy spam_probability" : "")
                         + (decision.isSpam ? ": classifier.spam" : ": no classifier reason"))
        } else {
            lines.append("classifier: no model (no database, or fewer examples than classifier.min_examples_per_class)")
        }
        if verdict.reasons.isEmpty { lines.append("  no reasons") }
        for reason in verdict.reasons {
            var line = "  \(reason.code)  +\(format(reason.weight))"
            if let field = reason.field { line += "  [\(field)]" }
            if let floor = reason.minimumAction { line += "  at least \(floor.rawValue)" }
            if let detail = reason.detail { line += "  \(detail)" }
            if let quote = reason.quote { line += "  «\(quote)»" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ verdict: Verdict, classifier decision: ClassifierDecision? = nil) throws -> String {
        /// The classifier's decision: `score = log_odds + policy_weight × content_score` (ClassifierScore).
        struct Classifier: Encodable {
            let log_odds: Double, content_score: Double, policy_weight: Double, familiarity: Double, trust: Double, score: Double
            let cutoff_log_odds: Double?, spam: Bool
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                // Naive Bayes can reach infinite log odds; JSON cannot hold them.
                try container.encode(min(max(log_odds, -1e300), 1e300), forKey: .log_odds)
                try container.encode(content_score, forKey: .content_score)
                try container.encode(policy_weight, forKey: .policy_weight)
                try container.encode(familiarity, forKey: .familiarity)
                try container.encode(trust, forKey: .trust)
                try container.encode(min(max(score, -1e300), 1e300), forKey: .score)
                try container.encode(cutoff_log_odds, forKey: .cutoff_log_odds)
                try container.encode(spam, forKey: .spam)
            }
            enum CodingKeys: String, CodingKey { case log_odds, content_score, policy_weight, familiarity, trust, score, cutoff_log_odds, spam }
        }
        struct Output: Encodable {
            let action: String, status: String, score: Double, policyVersion: String, reasons: [Reason]
            let classifierProbability: Double?
            let classifier: Classifier?
            enum CodingKeys: String, CodingKey {
                case action, status, score, reasons, classifier; case policyVersion = "policy_version"; case classifierProbability = "classifier_probability"
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(action, forKey: .action)
                try container.encode(status, forKey: .status)
                try container.encode(score, forKey: .score)
                try container.encode(policyVersion, forKey: .policyVersion)
                try container.encode(reasons, forKey: .reasons)
                try container.encode(classifierProbability, forKey: .classifierProbability)
                try container.encode(classifier, forKey: .classifier)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let output = Output(action: verdict.action.rawValue, status: verdict.status.rawValue, score: verdict.score,
                            policyVersion: verdict.policyVersion, reasons: verdict.reasons, classifierProbability: decision?.spamProbability,
                            classifier: decision.map {
                                Classifier(log_odds: $0.logOdds, content_score: $0.contentScore, policy_weight: $0.policyWeight,
                                           familiarity: $0.familiarity, trust: $0.trust, score: $0.combinedScore, cutoff_log_odds: $0.cutoffLogOdds, spam: $0.isSpam)
                            })
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    /// One batch line that could not be judged.
    static func errorJSON(line: Int, message: String) -> String {
        struct Output: Encodable { let line: Int, error: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(Output(line: line, error: message)), as: UTF8.self)) ?? "{}"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
