extension ClassifierChoice {
    /// This choice with its cut-off drawn again, for the false-positive rate it was chosen for,
    /// on `lessons` (`ClassifierCutoffChooser`: held-out log odds, weighed by `familiarity`, +
    /// `policyWeight` × each lesson's content score), and `documents` kept as the count it was chosen at. Nil when no
    /// rate was asked for, or when the lessons are too few to draw a cut-off from. The server's
    /// background refresh and `hakam classifier rescore` both choose through here.
    public func chosenAgain(on lessons: [ClassifierTrainingExample], documents: Int, alpha: Double,
                            policyWeight: Double, familiarity: Double = 0) -> (choice: ClassifierChoice, point: OperatingPoint)? {
        guard let target = targetFalsePositiveRate else { return nil }
        let chooser = ClassifierCutoffChooser(kind: kind, alpha: alpha, policyWeight: policyWeight, familiarity: familiarity)
        guard let point = chooser.choose(lessons, target: target) else { return nil }
        var chosen = self
        chosen.cutoffLogOdds = point.cutoff.isFinite ? point.cutoff : nil
        chosen.documentsAtChoice = documents
        return (chosen, point)
    }
}
