import HakamCore
import HakamStore

extension GlobalOptions {
    /// The classifier's features with the policy's word lists (`lexicon:<list>`): what every
    /// command that teaches the classifier or asks its opinion uses, so that lessons and opinions
    /// are made of the same features.
    func classifierFeatures(_ policy: Policy) -> FeatureExtractor {
        FeatureExtractor(lexicon: policy.wordLists)
    }

    /// `database`, teaching and classifying with the policy's word lists.
    func teaching(_ database: any CommentStore, policy: Policy? = nil) throws -> any CommentStore {
        var database = database
        database.classifierFeatures = classifierFeatures(try policy ?? loadPolicy())
        return database
    }
}
