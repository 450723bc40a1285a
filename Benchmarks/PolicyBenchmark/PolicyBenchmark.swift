import Foundation
import HakamCore

/// Policy evaluation micro-benchmark: a 2 KB mixed Arabic/English comment judged against word
/// lists of 10 and 10,000 entries (the automaton's cost must not grow with the entries), beside
/// a naive loop that searches every entry in turn. Prints medians in microseconds.
@main
struct PolicyBenchmark {
    static func main() throws {
        let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2_000
        let comment = sampleComment()
        print("comment: \(comment.body.utf8.count) bytes, \(comment.body.count) characters; \(iterations) iterations each, median")
        print("| case | entries | median µs | p90 µs |")
        print("|---|---|---|---|")
        var medians: [String: Double] = [:]
        // Warm the machine up first (CPU frequency, caches, the folding tables): otherwise
        // whichever case runs first is measured slower.
        let warmUp = Judge(policy: Policy())
        let warmUpEnd = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < warmUpEnd { _ = try? warmUp.assess(comment) }
        for entries in [10, 10_000] {
            let lists = makeLists(entries: entries)
            var policy = Policy()
            policy.wordLists = lists
            let judge = Judge(policy: policy)
            let wordRule = WordListRule(lists: lists)
            let (judgeMedian, judgeP90) = measure(iterations) { _ = try? judge.assess(comment) }
            let (ruleMedian, ruleP90) = measure(iterations) { _ = wordRule.evaluate(comment) }
            let naive = NaiveMatcher(lists: lists)
            let naiveIterations = entries > 1_000 ? max(20, iterations / 50) : iterations
            let (naiveMedian, naiveP90) = measure(naiveIterations) { _ = naive.count(in: comment) }
            print("| all content rules (Judge.assess) | \(entries) | \(f(judgeMedian)) | \(f(judgeP90)) |")
            print("| word lists only (automaton) | \(entries) | \(f(ruleMedian)) | \(f(ruleP90)) |")
            print("| naive loop per entry | \(entries) | \(f(naiveMedian)) | \(f(naiveP90)) |")
            medians["judge-\(entries)"] = judgeMedian
            medians["naive-\(entries)"] = naiveMedian
        }
        print("")
        print("| each content rule (10 entries) | median µs |")
        print("|---|---|")
        var policy = Policy()
        policy.wordLists = makeLists(entries: 10)
        for rule in Judge.rules(for: policy) {
            let (median, _) = measure(iterations) { _ = rule.evaluate(comment) }
            print("| \(type(of: rule)) | \(f(median)) |")
        }
        let ratio = medians["judge-10000"]! / medians["judge-10"]!
        print("")
        print("ratio 10,000 / 10 entries (all content rules): \(String(format: "%.2f", ratio))×  (target ≤ 1.5×)")
        print("naive / automaton at 10,000 entries: \(String(format: "%.0f", medians["naive-10000"]! / medians["judge-10000"]!))×")
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func measure(_ iterations: Int, _ body: () -> Void) -> (Double, Double) {
        for _ in 0..<max(3, iterations / 20) { body() }  // warm up
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        let clock = ContinuousClock()
        for _ in 0..<iterations {
            let elapsed = clock.measure(body)
            samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[samples.count * 9 / 10])
    }

    /// About 2 KB of realistic news-comment text, Arabic and English, with harakat and a link.
    static func sampleComment() -> ValidatedSubmission {
        let arabic = "شكراً للكاتب على هذا المقال الرائع، فقد أوضح الصورة كاملةً عن الأزمة الاقتصادية وتأثيرها على الأسواق المحلية. "
            + "أتمنى أن تتابعوا الموضوع في الأيام القادمة لأنَّ المواطنين يريدون معرفة الحقيقة. "
        let english = "Great reporting on the economy; the figures on inflation are worrying and deserve a follow-up. "
        var body = ""
        while body.utf8.count < 2_000 { body += arabic + english }
        body += "المصدر: https://news.example/economy"
        return ValidatedSubmission(postKey: "economy-2026", parentID: nil, name: "قارئ مهتم", email: try! EmailAddress(parsing: "reader@example.com"),
                                   url: nil, body: body)
    }

    /// Deterministic pseudo-words in Arabic and Latin letters, none of which occur in the comment's words.
    static func makeLists(entries: Int) -> [WordListSettings] {
        var generator = SplitMix64(seed: 42)
        let arabicLetters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
        let latinLetters = Array("bcdfghjklmnpqrstvwxz")
        var lines: [String] = []
        for index in 0..<entries {
            let letters = index.isMultiple(of: 2) ? arabicLetters : latinLetters
            let length = 5 + Int(generator.next() % 5)
            var word = String((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
            if index % 10 == 3 { word += "*" }
            lines.append(word)
        }
        let patterns = try! WordMatcher.parseList(lines.joined(separator: "\n"), listID: 0)
        return [WordListSettings(name: "bench", file: "bench.txt", action: .hold, weight: 5, patterns: patterns)]
    }
}

/// What a filter without an automaton does: fold once, then search every entry in turn.
struct NaiveMatcher {
    let entries: [String]
    let folding = TextFolding()

    init(lists: [WordListSettings]) {
        entries = lists.flatMap(\.patterns).map { TextFolding().fold($0.text).text }
    }

    func count(in comment: ValidatedSubmission) -> Int {
        let folded = folding.fold(comment.body).text
        return entries.reduce(0) { $0 + (folded.contains($1) ? 1 : 0) }
    }
}
