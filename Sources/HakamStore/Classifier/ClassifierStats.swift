import Foundation
import HakamCore

/// The classifier's state for `hakam classifier stats`.
public struct ClassifierStats: Sendable, Equatable {
    /// Examples per class, seeded and moderated together.
    public var documents: ClassifierCounts.Pair
    /// Of those, the examples moderators' decisions gave.
    public var fromModerators: ClassifierCounts.Pair
    /// Distinct features counted.
    public var features: Int
    public var generation: Int64
    public var updatedAt: Date?

    public init(documents: ClassifierCounts.Pair, fromModerators: ClassifierCounts.Pair, features: Int, generation: Int64, updatedAt: Date? = nil) {
        self.documents = documents
        self.fromModerators = fromModerators
        self.features = features
        self.generation = generation
        self.updatedAt = updatedAt
    }
}
