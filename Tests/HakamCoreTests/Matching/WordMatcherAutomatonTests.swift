import Testing
@testable import HakamCore

@Suite("Word matcher: Aho–Corasick automaton")
struct WordMatcherAutomatonTests {
    private static func randomString(length: Int, alphabet: [Unicode.Scalar], using generator: inout SplitMix64) -> [Unicode.Scalar] {
        (0 ..< length).map { _ in alphabet.randomElement(using: &generator)! }
    }

    /// Every (key, end) a naive scan finds.
    private static func naiveOccurrences(of keys: [[Unicode.Scalar]], in text: [Unicode.Scalar]) -> [[Int]] {
        keys.enumerated().flatMap { keyIndex, key -> [[Int]] in
            guard !key.isEmpty, key.count <= text.count else { return [] }
            return (0 ... text.count - key.count)
                .filter { text[$0 ..< $0 + key.count].elementsEqual(key) }
                .map { [keyIndex, $0 + key.count] }
        }
    }

    /// Dense rows for every state, for the root only (all other states sparse), and for a few.
    static let budgets = [AhoCorasickAutomaton.denseBudget, 1, 40]

    @Test("reports exactly the occurrences a naive scan finds", arguments: [1, 2, 3, 4, 5], budgets)
    func agreesWithNaiveScan(seed: UInt64, denseBudget: Int) {
        var generator = SplitMix64(seed: seed)
        // A tiny alphabet forces overlaps, shared prefixes and long failure chains.
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "ك", "ل", "😀"]
        let keys = (0 ..< 60).map { _ in
            Self.randomString(length: Int.random(in: 1 ... 6, using: &generator), alphabet: alphabet, using: &generator)
        }
        let automaton = AhoCorasickAutomaton(keys: keys + [[]], denseBudget: denseBudget)
        if denseBudget == 1 { #expect(automaton.denseStateCount == 1) }
        if denseBudget == AhoCorasickAutomaton.denseBudget { #expect(automaton.denseStateCount == automaton.stateCount) }
        for _ in 0 ..< 20 {
            let text = Self.randomString(length: Int.random(in: 0 ... 80, using: &generator), alphabet: alphabet + ["x"], using: &generator)
            var occurrences: [AhoCorasickAutomaton.Occurrence] = []
            automaton.collectOccurrences(in: text, into: &occurrences)
            let found = occurrences.map { [Int($0.key), Int($0.end)] }
            #expect(occurrences.map(\.end) == occurrences.map(\.end).sorted())
            let expected = Self.naiveOccurrences(of: keys, in: text)
            #expect(found.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    @Test("substring matching agrees with a per-entry search, with 10,000 entries")
    func largeList() {
        var generator = SplitMix64(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyzابتثجحخدذرزسشصضطظعغفقكلمنهوي".unicodeScalars)
        var options = TextFolding.Options()
        options.collapseRepeats = false  // keep texts and entries comparable scalar for scalar
        options.foldLeetspeak = false
        let folding = TextFolding(options: options)
        let patterns = (0 ..< 10_000).map { index in
            WordPattern(
                text: String(String.UnicodeScalarView(Self.randomString(length: 3 + index % 6, alphabet: letters, using: &generator))),
                mode: .substring
            )
        }
        let matcher = WordMatcher(patterns: patterns, folding: folding)
        for _ in 0 ..< 5 {
            var text = Self.randomString(length: 2_000, alphabet: letters + [" "], using: &generator)
            // Plant a few entries so there is something to find.
            for _ in 0 ..< 10 {
                let planted = Array(patterns.randomElement(using: &generator)!.text.unicodeScalars)
                let at = Int.random(in: 0 ..< text.count - planted.count, using: &generator)
                text.replaceSubrange(at ..< at + planted.count, with: planted)
            }
            let folded = folding.fold(String(String.UnicodeScalarView(text)))
            let found = Set(matcher.matches(in: folded).map { "\($0.pattern.text)@\($0.foldedRange.lowerBound)" })
            // The naive side: the first start of every substring of entry length, then one lookup
            // per entry (a plain per-entry scan is too slow for a debug-build test).
            var firstStart: [[Unicode.Scalar]: Int] = [:]
            for length in 3 ... 8 where length <= folded.count {
                for start in 0 ... folded.count - length {
                    let slice = Array(folded.scalars[start ..< start + length])
                    if firstStart[slice] == nil { firstStart[slice] = start }
                }
            }
            let expected = Set(matcher.patterns.compactMap { pattern -> String? in
                firstStart[Array(pattern.text.unicodeScalars)].map { "\(pattern.text)@\($0)" }
            })
            #expect(found.count >= 10)
            #expect(found == expected)
        }
    }

    @Test("stretched variants of double letters require collapsed runs")
    func stretchedVariants() {
        let variants = WordMatcher.stretchedVariants(of: Array("cool".unicodeScalars), collapsed: [false, false, false, false])
        #expect(variants.map { String(String.UnicodeScalarView($0.scalars)) } == ["cool", "col"])
        #expect(variants.map(\.collapsedOffsets) == [[], [1]])
        let two = WordMatcher.stretchedVariants(of: Array("google".unicodeScalars), collapsed: Array(repeating: false, count: 6))
        #expect(two.count == 2)
        let many = WordMatcher.stretchedVariants(of: Array("aabbccdd".unicodeScalars), collapsed: Array(repeating: false, count: 8))
        #expect(many.count == 8)  // at most three doubles get variants
    }
}
