import Foundation
import HakamCore

/// `POST /comments` body decoding: the byte-level `SubmissionFields.json` against the Foundation
/// `JSONDecoder` reference decoder (`FoundationJSONFields`, the tests' oracle, linked here from Tests/HakamCoreTests), on a realistic submission: an Arabic comment of
/// about 300 characters, name, email, post and url; once as raw UTF-8 (what browsers' `JSON.stringify`
/// sends) and once with every non-ASCII character escaped (what Python's `json.dumps` sends by default).
/// Prints the median ns per decode over batches, and the ratio.
@main
struct SubmissionJSONBenchmark {
    static func main() throws {
        let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 20_000
        let batches = 15
        print("\(iterations) decodes per batch, \(batches) batches, median ns/decode")
        print("| body | bytes | Foundation JSONDecoder | FlatJSONObjectParser | ratio |")
        print("|---|---|---|---|---|")
        for (label, body) in [("raw UTF-8", rawBody()), ("\\u-escaped", escapedBody())] {
            let bytes = Array(body.utf8)
            // Both must agree before they are timed.
            guard try SubmissionFields.json(bytes) == FoundationJSONFields.json(bytes) else { fatalError("decoders disagree on \(label)") }
            let old = measure(iterations: iterations, batches: batches) { _ = try? FoundationJSONFields.json(bytes) }
            let new = measure(iterations: iterations, batches: batches) { _ = try? SubmissionFields.json(bytes) }
            print("| \(label) | \(bytes.count) | \(Int(old)) | \(Int(new)) | \(String(format: "%.1f", old / new))× |")
        }
    }

    static func measure(iterations: Int, batches: Int, _ body: () -> Void) -> Double {
        for _ in 0 ..< iterations / 4 { body() }  // warm up
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0 ..< batches {
            let elapsed = clock.measure { for _ in 0 ..< iterations { body() } }
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            samples.append(nanoseconds / Double(iterations))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static let comment = "شكراً للكاتب على هذا المقال الرائع، فقد أوضح الصورة كاملةً عن الأزمة الاقتصادية وتأثيرها على الأسواق المحلية. "
        + "أتمنى أن تتابعوا الموضوع في الأيام القادمة لأنَّ المواطنين يريدون معرفة الحقيقة كاملة، "
        + "وأرجو أن تنشروا أرقام التضخم الرسمية مع المصادر حتى يتمكن القراء من المقارنة بأنفسهم 👍"

    static func rawBody() -> String {
        #"{"post":"economy-2026","name":"قارئ مهتم","email":"reader@example.com","url":"https://blog.example/قارئ","body":"\#(comment)"}"#
    }

    static func escapedBody() -> String {
        func escaped(_ text: String) -> String {
            text.utf16.map { $0 < 0x80 ? String(UnicodeScalar(UInt8($0))) : String(format: "\\u%04x", $0) }.joined()
        }
        return #"{"post": "economy-2026", "name": "\#(escaped("قارئ مهتم"))", "email": "reader@example.com", "url": "\#(escaped("https://blog.example/قارئ"))", "body": "\#(escaped(comment))"}"#
    }
}
