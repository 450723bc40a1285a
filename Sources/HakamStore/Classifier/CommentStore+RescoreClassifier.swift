import HakamCore

extension CommentStore {
    /// Takes the content score of every moderated lesson again under `scorer` (the current
    /// policy), from its comment's name, website and text, and stores the ones that moved: the
    /// cut-off is chosen on these scores, and they go stale when the site edits its word lists
    /// or rules. A batch at a time (one read, one short write transaction each), so a site with
    /// a hundred thousand lessons never holds them all or a long lock. Lessons whose comment was
    /// purged or forgotten keep their score (their text or name is gone), and seeds keep theirs
    /// (no text is kept for them). `dryRun`: nothing is written.
    public func rescoreClassifierLessons(with scorer: LessonContentScorer, dryRun: Bool,
                                         batchSize: Int = ClassifierRescoreBatch.size) async throws -> ClassifierRescoreOutcome {
        var outcome = ClassifierRescoreOutcome()
        var after: Int64 = 0
        while true {
            let batch = try await classifierLessonTexts(after: after, limit: batchSize)
            guard let last = batch.last else { break }
            after = last.commentID
            var moved: [(commentID: Int64, score: Double)] = []
            for lesson in batch {
                let score = scorer.score(lesson.input)
                outcome.rescored += 1
                if abs(score - (lesson.contentScore ?? 0)) > ClassifierRescoreOutcome.tolerance { outcome.changed += 1 }
                if lesson.contentScore == nil { outcome.filledIn += 1 }
                if lesson.contentScore != score {
                    moved.append((lesson.commentID, score))
                    outcome.newScores[lesson.commentID] = score
                }
            }
            if !dryRun, !moved.isEmpty { try await setClassifierContentScores(moved) }
            if batch.count < batchSize { break }
        }
        let census = try await classifierScoreCensus()
        outcome.keptWithoutText = max(0, census.moderated - outcome.rescored)
        outcome.seedsKept = census.seeds
        outcome.stillWithoutScore = max(0, census.withoutScore - (dryRun ? outcome.filledIn : 0))
        return outcome
    }
}
