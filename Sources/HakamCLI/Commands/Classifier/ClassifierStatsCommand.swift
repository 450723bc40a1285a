import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam classifier stats`: examples per class, features, and whether it gives opinions yet.
struct ClassifierStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "What the classifier has learned so far.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One JSON object instead of text.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let policy = try global.loadPolicy()
            let database = try await global.openExistingDatabase()
            let stats = try await database.classifierStats()
            let choice = try await database.classifierChoice()
            let settings = policy.classifier
            let ready = stats.documents.spam >= settings.minExamplesPerClass && stats.documents.ham >= settings.minExamplesPerClass
            let chosenAt = choice.documentsAtChoice.map { " at \($0) examples; chosen again at a fifth more or fewer" } ?? ""
            let line = choice.cutoffLogOdds.map { "log odds above " + String(format: "%.4f", $0) + " (chosen for "
                + String(format: "%g", (choice.targetFalsePositiveRate ?? 0) * 100) + " % false positives" + chosenAt + ")" }
                ?? "p ≥ \(settings.spamProbability)"
            let state = !settings.enabled ? "disabled by the policy"
                : ready ? "gives opinions (\(choice.kind.rawValue); classifier.spam at \(line))"
                : "no opinion yet: needs \(settings.minExamplesPerClass) examples of each class"
            if json {
                struct Output: Encodable {
                    var spam: Int, ham: Int, spamFromModerators: Int, hamFromModerators: Int, features: Int, generation: Int64, ready: Bool, enabled: Bool
                    var model: String, cutoffLogOdds: Double?, targetFP: Double?, documentsAtChoice: Int?
                    enum CodingKeys: String, CodingKey {
                        case spam, ham, features, generation, ready, enabled, model
                        case cutoffLogOdds = "cutoff_log_odds", targetFP = "target_fp", documentsAtChoice = "examples_at_cutoff_choice"
                        case spamFromModerators = "spam_from_moderators", hamFromModerators = "ham_from_moderators"
                    }
                }
                console.print(try ModerationJSON.line(Output(
                    spam: stats.documents.spam, ham: stats.documents.ham, spamFromModerators: stats.fromModerators.spam,
                    hamFromModerators: stats.fromModerators.ham, features: stats.features, generation: stats.generation,
                    ready: ready, enabled: settings.enabled, model: choice.kind.rawValue,
                    cutoffLogOdds: choice.cutoffLogOdds, targetFP: choice.targetFalsePositiveRate, documentsAtChoice: choice.documentsAtChoice)))
                return
            }
            console.print("examples  spam \(stats.documents.spam) (\(stats.fromModerators.spam) from moderators)  ham \(stats.documents.ham) (\(stats.fromModerators.ham) from moderators)")
            console.print("features  \(stats.features)")
            console.print("updated   \(stats.updatedAt.map(ModerationFormat.timestamp) ?? "never")  (generation \(stats.generation))")
            console.print("state     \(state)")
        } catch {
            throw moderationFailure(error)
        }
    }
}

extension ClassifierStatsCommand: ConsoleCommand {}
