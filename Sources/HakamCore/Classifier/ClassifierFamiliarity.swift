/// How much of a comment the model knows: the share of its features that at least two lessons
/// had. A model trained on other comments than a site's (another dialect, another script, the
/// seeded examples of `hakam train`) gives strong log odds to comments it has mostly never seen,
/// from the few features it has; on the Moroccan set, whose offensive comments are mostly
/// Arabizi the other sets hardly contain, those log odds outweighed the word lists that caught
/// them (Benchmarks/RESULTS.md, "familiarity"). `ClassifierScore` counts the log odds in
/// proportion below `classifier.familiarity`.
public struct ClassifierFamiliarity: Sendable {
    /// A feature is known once this many lessons had it: one lesson is an accident of wording.
    public static let minimumLessons = 2
    let known: Set<UInt64>

    public init(counts: ClassifierCounts) {
        var known = Set<UInt64>(minimumCapacity: counts.features.count / 2)
        for (hash, pair) in counts.features where pair.spam + pair.ham >= Self.minimumLessons {
            known.insert(hash)
        }
        self.known = known
    }

    /// The share of `features` the model knows, 0 to 1; 1 for a comment with no features (there
    /// is nothing it does not know, and its log odds are the prior alone).
    public func share(of features: [UInt64]) -> Double {
        guard !features.isEmpty else { return 1 }
        return Double(features.count { known.contains($0) }) / Double(features.count)
    }
}
