import Foundation

/// Spam-vs-ham outcomes of an evaluation, spam being the positive class.
public struct ConfusionMatrix: Sendable, Equatable {
    public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0

    public init() {}

    public mutating func record(actualSpam: Bool, predictedSpam: Bool) {
        switch (actualSpam, predictedSpam) {
        case (true, true): truePositives += 1
        case (true, false): falseNegatives += 1
        case (false, true): falsePositives += 1
        case (false, false): trueNegatives += 1
        }
    }

    public static func + (a: ConfusionMatrix, b: ConfusionMatrix) -> ConfusionMatrix {
        var sum = a
        sum.truePositives += b.truePositives; sum.falsePositives += b.falsePositives
        sum.falseNegatives += b.falseNegatives; sum.trueNegatives += b.trueNegatives
        return sum
    }

    public var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Ham wrongly called spam, out of all ham.
    public var falsePositiveRate: Double { ratio(falsePositives, falsePositives + trueNegatives) }
    public var accuracy: Double { ratio(truePositives + trueNegatives, total) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
