/// How a moderated comment becomes a lesson inside the moderator's transaction: its features
/// (`FeatureExtractor`) and its content score under the policy (`LessonContentScorer`; nil: not
/// kept, the cut-off chooser counts it as 0). Both are taken once, on the first lesson, so undo
/// stays exact and the score stays the one the lesson was stored with.
public struct ClassifierLessons: Sendable {
    public var extractor: FeatureExtractor
    public var scorer: LessonContentScorer?

    public init(extractor: FeatureExtractor, scorer: LessonContentScorer? = nil) {
        self.extractor = extractor
        self.scorer = scorer
    }
}
