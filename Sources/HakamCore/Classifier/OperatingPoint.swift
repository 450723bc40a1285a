/// A point of the ROC curve chosen by its false-positive rate: the strictest cut-off that calls
/// at most `targetFalsePositiveRate` of the ham spam, and what it catches.
///
/// Scores are any ranking (a probability, log odds, a policy score): a comment is called spam
/// when its score is strictly above `cutoff`. Ties with a ham score fall on the ham side, so the
/// false-positive rate never exceeds the target even when many comments share a score (a word
/// list gives most comments 0).
public struct OperatingPoint: Sendable, Equatable {
    public let targetFalsePositiveRate: Double
    /// Spam when the score is strictly above this.
    public let cutoff: Double
    public let matrix: ConfusionMatrix

    public var recall: Double { matrix.recall }
    public var precision: Double { matrix.precision }
    public var falsePositiveRate: Double { matrix.falsePositiveRate }

    /// The operating point for one target rate (between 0 and 1).
    public static func at(falsePositiveRate target: Double, scores: [Double], spam: [Bool]) -> OperatingPoint {
        precondition(scores.count == spam.count)
        let hamScores = zip(scores, spam).filter { !$0.1 }.map(\.0).sorted(by: >)
        let allowed = Int((target * Double(hamScores.count)).rounded(.down))
        // The (allowed+1)-th highest ham score: everything strictly above it is at most `allowed` ham.
        let cutoff = allowed < hamScores.count ? hamScores[allowed] : -Double.infinity
        var matrix = ConfusionMatrix()
        for (score, isSpam) in zip(scores, spam) {
            matrix.record(actualSpam: isSpam, predictedSpam: score > cutoff)
        }
        return OperatingPoint(targetFalsePositiveRate: target, cutoff: cutoff, matrix: matrix)
    }

    /// The usual points: 1 %, 2 % and 5 % false positives.
    public static let standardRates: [Double] = [0.01, 0.02, 0.05]

    /// Area under the ROC curve (probability that a random spam outranks a random ham; ties half).
    public static func areaUnderCurve(scores: [Double], spam: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, position = 0, positives = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[position]] { end += 1 }
            let averageRank = Double(position + end) / 2 + 1
            for index in position...end where spam[order[index]] { rankSum += averageRank; positives += 1 }
            position = end + 1
        }
        let negatives = scores.count - positives
        guard positives > 0, negatives > 0 else { return 0 }
        return (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
    }
}
