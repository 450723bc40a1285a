import Foundation
@testable import HakamCore
import Testing

@Suite("Reasons as stored JSON")
struct ReasonsJSONTests {
    @Test func aTypicalVerdictReadsAsExpected() {
        let reasons = [
            Reason(code: "moderation.first_time", weight: 1, detail: "first comment from this address"),
            Reason(code: "links.many", weight: 2.5, field: "body", quote: "https://spam.example/x", minimumAction: .hold),
        ]
        #expect(ReasonsJSON.text(reasons) == #"[{"code":"moderation.first_time","weight":1.0,"detail":"first comment from this address"},"#
            + #"{"code":"links.many","weight":2.5,"field":"body","quote":"https://spam.example/x","minimum_action":"hold"}]"#)
        #expect(ReasonsJSON.text([]) == "[]")
    }

    /// Whatever the reasons hold, `JSONDecoder` (the CLI, `CommentRecord.decodedReasons`) reads
    /// back exactly what was written.
    @Test func randomReasonsRoundTripThroughJSONDecoder() throws {
        var generator = SplitMix64(seed: 0x5EA5_0715)
        let texts = ["", "/", "\\", "\"", "\u{0}", "\u{1F}", "\n\r\t", "تعليق مُزعج", "😀 emoji", "a/b\\c\"d", "\u{7F}", "\u{2028}", "ـــ"]
        let weights: [Double] = [0, -0.0, 1, 0.1, 2.5, -3.75, 1e-7, 1e21, 123_456.789, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1 / 3]
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 4)
            let reasons = (0..<count).map { _ in
                Reason(
                    code: texts[Int(generator.next() % UInt64(texts.count))] + "code",
                    weight: weights[Int(generator.next() % UInt64(weights.count))] / Double(generator.next() % 7 + 1),
                    field: generator.next() % 2 == 0 ? nil : texts[Int(generator.next() % UInt64(texts.count))],
                    quote: generator.next() % 2 == 0 ? nil : texts[Int(generator.next() % UInt64(texts.count))] + texts[Int(generator.next() % UInt64(texts.count))],
                    minimumAction: generator.next() % 3 == 0 ? ModerationAction.allCases[Int(generator.next() % UInt64(ModerationAction.allCases.count))] : nil,
                    detail: generator.next() % 2 == 0 ? nil : texts[Int(generator.next() % UInt64(texts.count))])
            }
            let text = ReasonsJSON.text(reasons)
            let decoded = try JSONDecoder().decode([Reason].self, from: Data(text.utf8))
            #expect(decoded == reasons, "\(text)")
        }
    }

    @Test func aWeightJSONCannotHoldIsKeptAsZero() throws {
        let text = ReasonsJSON.text([Reason(code: "x", weight: .infinity), Reason(code: "y", weight: .nan)])
        let decoded = try JSONDecoder().decode([Reason].self, from: Data(text.utf8))
        #expect(decoded.map(\.weight) == [0, 0])
    }
}
