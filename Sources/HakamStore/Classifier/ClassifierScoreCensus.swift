/// How many stored lessons there are and how many hold no content score (stored before scores
/// were kept; the cut-off chooser counts them as 0), moderated and seeded apart.
public struct ClassifierScoreCensus: Sendable, Equatable {
    /// Moderated lessons that teach something now (label not NULL).
    public var moderated: Int
    public var moderatedWithoutScore: Int
    /// Seeds from `hakam train` / `hakam import --train`: no text kept, so never rescored.
    public var seeds: Int
    public var seedsWithoutScore: Int

    public init(moderated: Int = 0, moderatedWithoutScore: Int = 0, seeds: Int = 0, seedsWithoutScore: Int = 0) {
        self.moderated = moderated
        self.moderatedWithoutScore = moderatedWithoutScore
        self.seeds = seeds
        self.seedsWithoutScore = seedsWithoutScore
    }

    public var withoutScore: Int { moderatedWithoutScore + seedsWithoutScore }
}
