import Foundation
import HakamCore

/// Trains the classifier on N synthetic comments (corpus rows resampled and mutated, so that
/// the vocabulary keeps growing as a real site's would) and times classifying one comment.
///
///     ClassifierBenchmark CORPUS_DIR [N] [--write-csv FILE]
///
/// CORPUS_DIR is `../shared/corpora/youtube-spam`. With `--write-csv` the synthetic set is only
/// written out (for timing `hakam train` on it) and nothing is measured.
@main
struct ClassifierBenchmark {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var csvPath: String?
        if let flag = arguments.firstIndex(of: "--write-csv"), flag + 1 < arguments.count {
            csvPath = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
        }
        guard let folder = arguments.first else {
            print("usage: ClassifierBenchmark CORPUS_DIR [N] [--write-csv FILE]")
            exit(64)
        }
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
        let seedRows = try loadCorpus(folder)
        var generator = SplitMix64(seed: 42)
        let synthetic = (0..<count).map { _ in mutate(seedRows[Int(generator.next() % UInt64(seedRows.count))], &generator) }

        if let csvPath {
            var csv = "AUTHOR,CONTENT,CLASS\n"
            for example in synthetic {
                csv += "\(quote(example.input.name)),\(quote(example.input.body)),\(example.label == .spam ? 1 : 0)\n"
            }
            try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
            print("wrote \(count) synthetic labelled comments to \(csvPath)")
            return
        }

        let extractor = FeatureExtractor()
        let rssBefore = residentKiB()
        let trainStart = ContinuousClock.now
        var counts = ClassifierCounts()
        var featureTotal = 0
        for example in synthetic {
            let features = extractor.features(of: example.input)
            featureTotal += features.count
            counts.apply(features, label: example.label)
        }
        let trainTime = ContinuousClock.now - trainStart
        let freezeStart = ContinuousClock.now
        let snapshot = ClassifierSnapshot(counts: counts, alpha: 0.5)
        let freezeTime = ContinuousClock.now - freezeStart
        let rssAfter = residentKiB()
        print("training set       \(count) comments (\(counts.documents.spam) spam, \(counts.documents.ham) ham), \(featureTotal / max(1, count)) features per comment")
        print("vocabulary         \(counts.features.count) distinct features")
        print(String(format: "train (extract+count) %.2f s  (%.1f µs per comment)", seconds(trainTime), seconds(trainTime) / Double(count) * 1e6))
        print(String(format: "freeze model       %.3f s", seconds(freezeStart.duration(to: freezeStart + freezeTime))))
        print("resident memory    \(rssBefore / 1024) MiB before training, \(rssAfter / 1024) MiB with counts and model")

        // One typical comment, classified repeatedly (median of batches).
        let comment = try ValidatedSubmission(
            postKey: "p", parentID: nil, name: "Maria Lopez", email: EmailAddress(parsing: "maria@example.com"), url: nil,
            body: "Hey everyone, check out my new channel and subscribe, I post covers every week! http://www.example-music.com/maria")
        let rule = ClassifierRule(settings: ClassifierSettings(minExamplesPerClass: 1, spamProbability: 0.99))
        let input = ClassifierInput(comment)
        func median(_ iterations: Int, _ body: () -> Void) -> Double {
            var samples: [Double] = []
            for _ in 0..<25 {
                let start = ContinuousClock.now
                for _ in 0..<iterations { body() }
                samples.append(seconds(ContinuousClock.now - start) / Double(iterations) * 1e6)
            }
            samples.sort()
            return samples[samples.count / 2]
        }
        var sink = 0.0
        _ = median(200) { sink += snapshot.classify(input).logOdds }  // warm-up
        let classify = median(400) { sink += snapshot.classify(input).logOdds }
        let extract = median(400) { sink += Double(extractor.features(of: input).count) }
        let explained = median(400) { sink += Double(rule.evaluate(comment, snapshot: snapshot).count) }
        print(String(format: "classify one comment  %.1f µs median (feature extraction alone %.1f µs)", classify, extract))
        print(String(format: "ClassifierRule with explanation  %.1f µs median (p = %.4f)", explained, snapshot.classify(input).spamProbability))

        // What the policy's word lists add to feature extraction (`lexicon:<list>` features): the
        // submit path's extra cost, once per comment, same run, this comment and a long Arabic one.
        let policy = try PolicyLoader().load(path: "Policies/default.yml")
        let withLists = FeatureExtractor(lexicon: policy.wordLists)
        let arabic = ClassifierInput(name: "قارئ", body: String(repeating: "شكرا للكاتب على هذا التحليل، لكن الحكومة لم تشرح لماذا ارتفعت الأسعار في الأسواق هذا الشهر. ", count: 14))
        for (label, sample) in [("the comment above", input), ("\(arabic.body.count)-character Arabic comment", arabic)] {
            // Batches of the two alternate, so that a busy machine slows both alike.
            var plainSamples: [Double] = [], listSamples: [Double] = []
            for _ in 0..<41 {
                var start = ContinuousClock.now
                for _ in 0..<200 { sink += Double(extractor.features(of: sample).count) }
                plainSamples.append(seconds(ContinuousClock.now - start) / 200 * 1e6)
                start = ContinuousClock.now
                for _ in 0..<200 { sink += Double(withLists.features(of: sample).count) }
                listSamples.append(seconds(ContinuousClock.now - start) / 200 * 1e6)
            }
            let plain = plainSamples.sorted()[20], lists = listSamples.sorted()[20]
            print(String(format: "features of %@: %.1f µs without the word lists, %.1f µs with them (×%.2f, +%.1f µs)",
                         label, plain, lists, lists / plain, lists - plain))
        }
        if sink.isNaN { print("") }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func quote(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func loadCorpus(_ folder: String) throws -> [LabelledExample] {
        var examples: [LabelledExample] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".csv") }).sorted() {
            let rows = DelimitedTextParser().rows(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
            for row in rows.dropFirst() where row.count >= 5 {
                examples.append(LabelledExample(input: ClassifierInput(name: row[1], body: row[3]), label: row[4] == "1" ? .spam : .ham))
            }
        }
        guard !examples.isEmpty else { throw CocoaError(.fileReadNoSuchFile) }
        return examples
    }

    static let extraWords = ["amazing", "song", "video", "lol", "best", "love", "views", "free", "money", "click", "wow", "2015", "omg", "link"]

    /// A corpus row with words dropped and added, numbers and hosts varied, so the synthetic
    /// set has a growing vocabulary rather than 50 copies of each row.
    static func mutate(_ example: LabelledExample, _ generator: inout SplitMix64) -> LabelledExample {
        var words = example.input.body.split(separator: " ").map(String.init)
        let edits = Int(generator.next() % 4)
        for _ in 0..<edits {
            switch generator.next() % 4 {
            case 0 where words.count > 3: words.remove(at: Int(generator.next() % UInt64(words.count)))
            case 1: words.insert(extraWords[Int(generator.next() % UInt64(extraWords.count))], at: Int(generator.next() % UInt64(words.count + 1)))
            case 2: words.append("w\(generator.next() % 50_000)")
            default: words.append("http://site\(generator.next() % 5_000).example/\(generator.next() % 1_000)")
            }
        }
        var input = example.input
        input.body = words.joined(separator: " ")
        input.name += String(generator.next() % 100)
        return LabelledExample(input: input, label: example.label)
    }

    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
