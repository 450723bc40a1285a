/// When a cut-off chosen for a false-positive rate is chosen again. The site asked for a rate,
/// not for a number: as moderators teach the model, its scores drift and the old cut-off no
/// longer keeps that rate. Choosing again costs a 5-fold cross-validation of every lesson, so it
/// waits until the model has learnt (or lost, through `forget`) a fifth of what it knew then, and
/// at least `minimumChange` comments.
public struct ClassifierCutoffSchedule: Sendable, Equatable {
    public var minimumChange: Int
    public var relativeChange: Double

    public init(minimumChange: Int = 25, relativeChange: Double = 0.2) {
        self.minimumChange = minimumChange
        self.relativeChange = relativeChange
    }

    /// True when `choice` has a target rate, was chosen at a known size, and the model's
    /// `documents` (spam + ham) have moved far enough from it.
    public func isDue(_ choice: ClassifierChoice, documents: Int) -> Bool {
        guard choice.targetFalsePositiveRate != nil, let chosenAt = choice.documentsAtChoice else { return false }
        let threshold = max(minimumChange, Int((Double(chosenAt) * relativeChange).rounded(.up)))
        return abs(documents - chosenAt) >= threshold
    }
}
