import Foundation
import HakamCore
import HakamStore
import Logging

/// Chooses the stored cut-off again when the model has learnt enough since it was chosen: the
/// site asked `hakam train --target-fp` for a false-positive rate, and as moderators teach the
/// model its scores move (`ClassifierCutoffSchedule` says when). Runs in the classifier
/// holder's background reload, never on the submit path. Two nodes doing it at once store the
/// same cut-off: the folds are seeded and the lessons are the same.
public struct ClassifierCutoffRefresher: Sendable {
    let database: any CommentStore
    let schedule: ClassifierCutoffSchedule
    let logger: Logger

    public init(database: any CommentStore, schedule: ClassifierCutoffSchedule = ClassifierCutoffSchedule(),
                logger: Logger = Logger(label: "hakam.classifier")) {
        self.database = database
        self.schedule = schedule
        self.logger = logger
    }

    /// Stores and returns a new choice when one was due; nil when none was, or when the lessons
    /// are too few to draw a cut-off from (the old one stays). The cut-off is drawn on what the
    /// rule compares with it: log odds (weighed by `familiarity`, `ClassifierScore`) +
    /// `policyWeight` × each lesson's stored content score.
    @discardableResult
    public func refreshIfDue(documents: Int, alpha: Double, policyWeight: Double = 0, familiarity: Double = 0,
                             now: Date = Date()) async throws -> ClassifierChoice? {
        let choice = try await database.classifierChoice()
        guard schedule.isDue(choice, documents: documents), let target = choice.targetFalsePositiveRate else { return nil }
        let lessons = try await database.classifierTrainingExamples()
        guard let (chosen, point) = choice.chosenAgain(on: lessons, documents: documents, alpha: alpha, policyWeight: policyWeight,
                                                       familiarity: familiarity) else {
            return nil
        }
        // Read again just before writing: an operator's `hakam train --model/--target-fp` during
        // the cross-validation wins over this background choice.
        guard try await database.classifierChoice() == choice else { return nil }
        try await database.setClassifierChoice(chosen, now: now)
        logger.info("classifier cut-off chosen again for the target false-positive rate", metadata: [
            "model": .string(choice.kind.rawValue),
            "target_fp": .stringConvertible(target),
            "documents_then": .stringConvertible(choice.documentsAtChoice ?? 0),
            "documents_now": .stringConvertible(documents),
            "lessons": .stringConvertible(lessons.count),
            "policy_weight": .stringConvertible(policyWeight),
            "familiarity": .stringConvertible(familiarity),
            "lessons_without_content_score": .stringConvertible(lessons.count { $0.contentScore == nil }),
            "recall": .string(String(format: "%.3f", point.recall)),
            "false_positive_rate": .string(String(format: "%.3f", point.falsePositiveRate)),
            "cutoff_log_odds_was": .string(choice.cutoffLogOdds.map { String(format: "%.4f", $0) } ?? "none"),
            "cutoff_log_odds": .string(chosen.cutoffLogOdds.map { String(format: "%.4f", $0) } ?? "none"),
        ])
        return chosen
    }
}
