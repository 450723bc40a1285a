/// One stored lesson as the models learn from it: the comment's feature hashes and its class,
/// and the content score the policy's rules gave it when it was stored (`ClassifierScore`), which
/// the cut-off chooser adds to the held-out log odds. Nil: not known (a lesson stored before
/// the score was kept); the chooser counts it as 0.
public struct ClassifierTrainingExample: Sendable, Equatable {
    public var features: [UInt64]
    public var spam: Bool
    public var contentScore: Double?
    /// The moderated comment that taught it; nil for a seed (`hakam train`), which has none.
    public var commentID: Int64?

    public init(features: [UInt64], spam: Bool, contentScore: Double? = nil, commentID: Int64? = nil) {
        self.features = features
        self.spam = spam
        self.contentScore = contentScore
        self.commentID = commentID
    }
}
