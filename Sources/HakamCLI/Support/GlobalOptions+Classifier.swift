import HakamCore
import HakamStore

extension GlobalOptions {
    /// The classifier's features with the policy's word lists (`lexicon:<list>`): what every
    /// command that teaches the classifier or asks its opinion uses, so that lessons and opinions
    /// are made of the same features.
    func classifierFeatures(_ policy: Policy) -> FeatureExtractor {
        FeatureExtractor(lexicon: policy.wordLists)
    }

    /// `database`, teaching and classifying with the policy's word lists, and keeping with each
    /// moderated lesson the content score the policy's rules give it (the cut-off is chosen on
    /// log odds + classifier.policy_weight × that score).
    func teaching(_ database: any CommentStore, policy: Policy? = nil) throws -> any CommentStore {
        var database = database
        let policy = try policy ?? loadPolicy()
        database.classifierFeatures = classifierFeatures(policy)
        database.classifierContentScorer = LessonContentScorer(judge: Judge(policy: policy))
        return database
    }
}
