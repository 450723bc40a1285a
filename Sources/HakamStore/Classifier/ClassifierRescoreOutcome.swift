/// What `CommentStore.rescoreClassifierLessons` did (or, on a dry run, would do).
public struct ClassifierRescoreOutcome: Sendable, Equatable {
    /// Moderated lessons whose comment still holds its text: scored again under the policy.
    public var rescored = 0
    /// Of those, the ones whose score moved by more than `ClassifierRescoreOutcome.tolerance`
    /// (a lesson without a score counts as 0, as the cut-off chooser counts it).
    public var changed = 0
    /// Of those, the ones that had no score before.
    public var filledIn = 0
    /// Moderated lessons whose comment was purged or forgotten: they keep their stored score.
    public var keptWithoutText = 0
    /// Seeds keep theirs: no text is kept for them.
    public var seedsKept = 0
    /// Lessons (moderated and seeded) that hold no content score afterwards.
    public var stillWithoutScore = 0
    /// The new score of every lesson whose stored score differs from it, by comment id: what a
    /// dry run would store, for choosing a cut-off on the scores it would leave.
    public var newScores: [Int64: Double] = [:]

    /// Below this a change is rounding, not a change of policy.
    public static let tolerance = 1e-9

    public init() {}
}
