import ArgumentParser
import Foundation
import HakamCore
import HakamService
import HakamStore

/// `hakam import --format wxr FILE`: WordPress comments become Hakam comments, in one
/// transaction, without going through the policy (they were moderated already).
struct ImportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case wxr }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import comments from a WordPress export (WXR); importing twice adds nothing.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The file's format (wxr: WordPress Tools → Export).") var format: Format = .wxr
    @Argument(help: ArgumentHelp("The export file.", valueName: "file")) var file: String
    @Flag(name: .customLong("train"), help: "Also teach the classifier the site's past decisions: approved comments as ham, spam as spam (comments already imported teach nothing again).")
    var train = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let reader = try WXRReader(path: file)
            let database = try await global.openDatabase()
            let policy = train ? try global.loadPolicy() : nil
            let extractor = policy.map(global.classifierFeatures) ?? FeatureExtractor()
            // Each seed keeps its content score, as `hakam train` does (the cut-off is chosen on it).
            let scorer = policy.map { LessonContentScorer(judge: Judge(policy: $0)) }
            let protector = try await global.loadProtector(for: database)
            var lessons: ClassifierCounts? = train ? ClassifierCounts() : nil
            var seeds: [ClassifierTrainingExample] = []
            let summary = try await Self.importComments(
                from: reader, into: database, protection: CommentProtection(protector: protector), now: console.now(), console: console,
                extractor: extractor, scorer: scorer, lessons: &lessons, seeds: &seeds)
            for line in summary.lines { console.print(line) }
            if let lessons {
                // Seeded like `hakam train`: the examples belong to no moderator decision, so undo leaves them.
                if !lessons.isEmpty { try await database.trainClassifier(lessons, examples: seeds, now: console.now()) }
                console.print("trained the classifier on \(lessons.documents.spam) spam and \(lessons.documents.ham) approved comments")
            }
        } catch let error as WXRReadError {
            throw CLIError("\(file): \(error); nothing was imported")
        } catch {
            throw moderationFailure(error)
        }
    }

    static func importComments(
        from reader: WXRReader, into database: any CommentStore, protection: CommentProtection, now: Date, console: TerminalConsole,
        extractor: FeatureExtractor = FeatureExtractor(), scorer: LessonContentScorer? = nil,
        lessons: inout ClassifierCounts?, seeds: inout [ClassifierTrainingExample]
    ) async throws -> ImportSummary {
        var taught = lessons
        var examples: [ClassifierTrainingExample] = []
        var summary = ImportSummary()
        let progress = ProgressBar(console: console, label: "importing", total: nil)
        defer { progress.finish() }
        let (_, linked) = try await database.importComments(now: now) { session in
            try reader.read { comment in
                progress.advance()
                switch comment.decision() {
                case .skip(let reason):
                    summary.skip(reason)
                case .fail(let reason):
                    summary.fail(reason, sourceID: comment.id, line: comment.line)
                case .candidate(let candidate):
                    switch try session.add(protection.protect(candidate)) {
                    case .imported:
                        summary.imported += 1
                        if taught != nil, let label = ClassifierLabel(status: candidate.status) {
                            let input = ClassifierInput(name: candidate.name, url: candidate.url, body: candidate.body)
                            let features = extractor.features(of: input)
                            taught?.apply(features, label: label)
                            examples.append(ClassifierTrainingExample(features: features, spam: label == .spam, contentScore: scorer?.score(input)))
                        }
                        if candidate.hadUnusableEmail { summary.withoutUsableEmail += 1 }
                    case .alreadyImported:
                        summary.skip("already imported")
                    }
                }
            }
        }
        summary.parentsLinkedLate = linked
        lessons = taught
        seeds = examples
        return summary
    }
}

/// What an import did, for the lines printed at the end.
struct ImportSummary: Equatable {
    var imported = 0
    var withoutUsableEmail = 0
    var parentsLinkedLate = 0
    private(set) var skipped: [String: Int] = [:]
    private(set) var failed: [String: (count: Int, first: String)] = [:]

    static func == (lhs: ImportSummary, rhs: ImportSummary) -> Bool { lhs.lines == rhs.lines }

    var skippedCount: Int { skipped.values.reduce(0, +) }
    var failedCount: Int { failed.values.reduce(0) { $0 + $1.count } }

    mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    mutating func fail(_ reason: String, sourceID: String, line: Int) {
        let first = "comment \(sourceID.isEmpty ? "?" : sourceID) at line \(line)"
        failed[reason, default: (0, first)].count += 1
    }

    var lines: [String] {
        var lines = ["imported \(imported), skipped \(skippedCount), failed \(failedCount)"]
        if withoutUsableEmail > 0 {
            lines.append("  \(withoutUsableEmail) imported without an email (the address was not usable)")
        }
        for (reason, count) in skipped.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("  skipped \(count): \(reason)")
        }
        for (reason, entry) in failed.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            lines.append("  failed \(entry.count): \(reason) (first: \(entry.first))")
        }
        if parentsLinkedLate > 0 { lines.append("  \(parentsLinkedLate) replies linked to a parent that came later in the file") }
        return lines
    }
}
extension ImportCommand: ConsoleCommand {}
