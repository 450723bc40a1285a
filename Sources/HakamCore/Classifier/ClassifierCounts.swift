/// How often each feature was seen in each class, and how many examples each class has:
/// everything a naive Bayes model needs, and what the database stores (`classifier_features`,
/// `classifier_state`). Adding an example and removing it again restores the exact counts.
public struct ClassifierCounts: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var spam: Int
        public var ham: Int
        public init(spam: Int = 0, ham: Int = 0) { self.spam = spam; self.ham = ham }
        public subscript(label: ClassifierLabel) -> Int {
            get { label == .spam ? spam : ham }
            set { if label == .spam { spam = newValue } else { ham = newValue } }
        }
    }

    public var features: [UInt64: Pair]
    /// Examples per class.
    public var documents: Pair
    /// Summed feature counts per class (the multinomial denominators).
    public var featureTotals: Pair

    public init(features: [UInt64: Pair] = [:], documents: Pair = Pair(), featureTotals: Pair = Pair()) {
        self.features = features
        self.documents = documents
        self.featureTotals = featureTotals
    }

    /// Adds (`sign` 1) or removes (`sign` -1) one example. Counts never go below zero; a feature
    /// whose counts both reach zero is dropped, so add-then-remove leaves an equal value.
    public mutating func apply(_ featureHashes: [UInt64], label: ClassifierLabel, sign: Int = 1) {
        documents[label] = max(0, documents[label] + sign)
        for hash in featureHashes {
            var pair = features[hash] ?? Pair()
            let before = pair[label]
            pair[label] = max(0, before + sign)
            featureTotals[label] = max(0, featureTotals[label] + (pair[label] - before))
            if pair.spam == 0 && pair.ham == 0 { features[hash] = nil } else { features[hash] = pair }
        }
    }

    public var isEmpty: Bool { documents.spam == 0 && documents.ham == 0 }
}
