/// One stored lesson as the models learn from it: the comment's feature hashes and its class.
public struct ClassifierTrainingExample: Sendable, Equatable {
    public var features: [UInt64]
    public var spam: Bool

    public init(features: [UInt64], spam: Bool) {
        self.features = features
        self.spam = spam
    }
}
