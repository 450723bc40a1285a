import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam classifier rescore`: takes every moderated lesson's content score again under the
/// current policy and, when the site chose its cut-off for a false-positive rate, chooses it
/// again on the new scores. Run after editing the word lists or the rules whose weights make the
/// content score: the cut-off was drawn on the scores lessons were stored with.
struct ClassifierRescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Score stored lessons again under the current policy, and choose the cut-off again.",
        discussion: """
            Each moderated lesson keeps the content score the policy's rules gave its comment when it was stored; the cut-off \
            chosen with `hakam train --target-fp` is drawn on log odds (weighed by classifier.familiarity) + classifier.policy_weight \
            times those scores. After editing word lists, rule weights, policy_weight or familiarity, this scores every lesson whose comment still holds its text again (in batches), stores the \
            new scores, and chooses the cut-off again for the same false-positive rate. Lessons whose comment was purged or \
            forgotten, and seeds from `hakam train`, keep their stored score (no text to score).
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("dry-run"), help: "Change nothing: print what would change.") var dryRun = false
    @Flag(help: "One JSON object instead of text.") var json = false

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let policy = try global.loadPolicy()
            let database = try await global.openExistingDatabase()
            let scorer = LessonContentScorer(judge: Judge(policy: policy))
            let outcome = try await database.rescoreClassifierLessons(with: scorer, dryRun: dryRun)
            let cutoff = try await chooseCutoffAgain(database, policy: policy, outcome: outcome, now: console.now())
            if json {
                console.print(try ModerationJSON.line(Output(outcome: outcome, cutoff: cutoff, dryRun: dryRun)))
            } else {
                report(outcome, cutoff: cutoff, on: console)
            }
        } catch {
            throw moderationFailure(error)
        }
    }

    /// What became of the stored cut-off.
    struct CutoffChange {
        var target: Double?
        var was: Double?
        var now: Double?
        /// False: no rate was asked for, or too few lessons to draw one from; the cut-off stays.
        var chosen: Bool
        var lessons = 0
    }

    /// Chooses the cut-off again on the lessons as they are (or, on a dry run, as they would be),
    /// through the same function as the server's background refresh, and stores it.
    private func chooseCutoffAgain(_ database: any CommentStore, policy: Policy, outcome: ClassifierRescoreOutcome,
                                   now: Date) async throws -> CutoffChange {
        let choice = try await database.classifierChoice()
        var change = CutoffChange(target: choice.targetFalsePositiveRate, was: choice.cutoffLogOdds, now: choice.cutoffLogOdds, chosen: false)
        guard choice.targetFalsePositiveRate != nil else { return change }
        var lessons = try await database.classifierTrainingExamples()
        if dryRun {
            for index in lessons.indices {
                if let id = lessons[index].commentID, let score = outcome.newScores[id] { lessons[index].contentScore = score }
            }
        }
        change.lessons = lessons.count
        let stats = try await database.classifierStats()
        guard let (chosen, _) = choice.chosenAgain(on: lessons, documents: stats.documents.spam + stats.documents.ham,
                                                   alpha: policy.classifier.alpha, policyWeight: policy.classifier.policyWeight,
                                                   familiarity: policy.classifier.familiarity)
        else { return change }
        if !dryRun { try await database.setClassifierChoice(chosen, now: now) }
        change.now = chosen.cutoffLogOdds
        change.chosen = true
        return change
    }

    private func report(_ outcome: ClassifierRescoreOutcome, cutoff: CutoffChange, on console: TerminalConsole) {
        let would = dryRun ? "would be " : ""
        if dryRun { console.print("dry run: nothing is stored") }
        console.print("rescored   \(outcome.rescored) lessons, \(outcome.changed) \(would)changed"
                      + (outcome.filledIn > 0 ? " (\(outcome.filledIn) had no score)" : ""))
        console.print("kept       \(outcome.keptWithoutText) lessons whose comment was purged or forgotten (no text to score)")
        console.print("seeds      \(outcome.seedsKept) kept (no text is kept for them)")
        console.print("no score   \(outcome.stillWithoutScore) lessons \(dryRun ? "would be " : "")still without a content score (counted as 0)")
        guard let target = cutoff.target else {
            console.print("cut-off    none chosen for a false-positive rate (`hakam train --target-fp`): nothing to choose again")
            return
        }
        let rate = String(format: "%g %% false positives", target * 100)
        guard cutoff.chosen else {
            console.print("cut-off    too few lessons of each class to choose again for \(rate) (at least 5 spam and 5 ham): it stays "
                          + Self.logOdds(cutoff.was))
            return
        }
        console.print("cut-off    \(Self.logOdds(cutoff.was)) → \(Self.logOdds(cutoff.now)) for \(rate)"
                      + " (5-fold cross-validation of \(cutoff.lessons) lessons)" + (dryRun ? ", not stored" : ", stored"))
    }

    static func logOdds(_ value: Double?) -> String {
        value.map { "log odds " + String(format: "%.4f", $0) } ?? "none (the policy's classifier.spam_probability)"
    }

    struct Output: Encodable {
        var dryRun: Bool, rescored: Int, changed: Int, filledIn: Int, keptWithoutText: Int, seedsKept: Int, withoutScore: Int
        var targetFP: Double?, cutoffLogOddsWas: Double?, cutoffLogOdds: Double?, cutoffChosen: Bool

        init(outcome: ClassifierRescoreOutcome, cutoff: CutoffChange, dryRun: Bool) {
            self.dryRun = dryRun
            rescored = outcome.rescored
            changed = outcome.changed
            filledIn = outcome.filledIn
            keptWithoutText = outcome.keptWithoutText
            seedsKept = outcome.seedsKept
            withoutScore = outcome.stillWithoutScore
            targetFP = cutoff.target
            cutoffLogOddsWas = cutoff.was
            cutoffLogOdds = cutoff.now
            cutoffChosen = cutoff.chosen
        }

        enum CodingKeys: String, CodingKey {
            case rescored, changed
            case dryRun = "dry_run", filledIn = "filled_in", keptWithoutText = "kept_without_text", seedsKept = "seeds_kept"
            case withoutScore = "without_score", targetFP = "target_fp", cutoffLogOddsWas = "cutoff_log_odds_was"
            case cutoffLogOdds = "cutoff_log_odds", cutoffChosen = "cutoff_chosen"
        }
    }
}

extension ClassifierRescoreCommand: ConsoleCommand {}
