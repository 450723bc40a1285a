import ArgumentParser
import Foundation
import HakamCore

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
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Print the verdict and reasons a comment would get (nothing is stored).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The comment text.") var body: String
        @Option(help: "Author name.") var name = "Test Reader"
        @Option(help: "Author email (never printed).") var email = "reader@example.com"
        @Option(help: "Website.") var url: String?
        @Option(help: "Post key.") var post = "policy-test"
        @Flag(help: "Print one JSON object.") var json = false

        func run() async throws {
            let policy = try global.loadPolicy()
            let submission = Submission(post: post, name: name, email: email, url: url, body: body)
            let validated: ValidatedSubmission
            do {
                validated = try SubmissionValidator(limits: policy.limits).validate(submission)
            } catch {
                let messages = Messages(.english)
                let fields = error.fields.map { "\($0.key.rawValue): \(messages.fieldError($0.value, field: $0.key))" }.sorted()
                throw CLIError("invalid comment: " + fields.joined(separator: "; "))
            }
            let judge = Judge(policy: policy)
            let verdict: Verdict
            do {
                // A first-time author with no history: what a new reader would get.
                verdict = try judge.decide(contentReasons: try judge.assess(validated), history: AuthorHistory(), now: Date())
            } catch {
                throw CLIError("refused outright: \(error)")
            }
            print(json ? try VerdictReport.json(verdict) : VerdictReport.text(verdict))
        }
    }
}

/// Prints a verdict for people (aligned lines) or for tools (one JSON object).
enum VerdictReport {
    static func text(_ verdict: Verdict) -> String {
        var lines = ["verdict: \(verdict.action.rawValue) (status \(verdict.status.rawValue)), score \(format(verdict.score)), policy \(verdict.policyVersion.prefix(12))"]
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

    static func json(_ verdict: Verdict) throws -> String {
        struct Output: Encodable {
            let action: String, status: String, score: Double, policyVersion: String, reasons: [Reason]
            enum CodingKeys: String, CodingKey { case action, status, score, reasons; case policyVersion = "policy_version" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let output = Output(action: verdict.action.rawValue, status: verdict.status.rawValue, score: verdict.score, policyVersion: verdict.policyVersion, reasons: verdict.reasons)
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
