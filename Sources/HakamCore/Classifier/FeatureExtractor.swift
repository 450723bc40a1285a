/// Turns a comment into the set of features the classifier counts (each once per comment:
/// presence, not frequency, which suits short texts and resists keyword stuffing).
///
/// Everything but the links is read from the matching form (`TextFolding`, DESIGN §4), so
/// `ڤياجرا`, `VIAGRA` and `v1agra` meet on the same features:
/// - word unigrams and bigrams;
/// - character 3-grams inside each word, with word boundaries (Arabic clitics and suffixes,
///   and obfuscated spellings, still share most of their n-grams with the plain word);
/// - link hosts (the whole host and its last two labels), a link-count bucket, the website's host;
/// - the *shape* of the author's name (digits, word count, length), never its words: a name is
///   personal data, and the counts outlive `hakam forget`;
/// - with the policy's word lists (`lexicon`), which lists match the body (`ClassifierLexicon`).
public struct FeatureExtractor: Sendable {
    public struct Options: Sendable, Equatable {
        public var words = true
        public var bigrams = true
        /// Lengths of character n-grams (empty: none).
        public var charGramSizes: [Int] = [3]
        /// Character n-grams over the whole folded text (its words joined by one space, so an
        /// n-gram may span two words) instead of inside each word.
        public var charGramsAcrossWords = false
        public var links = true
        public var nameShape = true
        /// The word lists' features, when the extractor was given lists.
        public var lexicon = true
        /// With `lexicon`, also whether any list matched (`lexicon:any`, `lexicon:any:2+`).
        public var lexiconSummary = true
        /// Each word-list feature this many times under distinct hashes (`lexicon:any#1`, …), so
        /// the lists weigh as much as that many n-grams. In the lessons the listed insults are
        /// also word and n-gram features, so a model learns little weight for the lists of its
        /// own; more copies carry them further to a dialect the lessons lack (Benchmarks/RESULTS.md).
        public var lexiconCopies = 1
        public init() {}
    }

    public let options: Options
    let folding: TextFolding
    /// The policy's word lists as features (nil: none given, or none scans the body).
    public let lexicon: ClassifierLexicon?

    /// Bounds the work on a 20,000-character body; spam shows itself long before.
    static let maximumWords = 400
    static let maximumCharGramWordLength = 24

    /// `lexicon`: the policy's word lists, matched with the same folding as the other features.
    public init(options: Options = Options(), folding: TextFolding = TextFolding(), lexicon lists: [WordListSettings] = []) {
        self.options = options
        self.folding = folding
        let lexicon = options.lexicon && !lists.isEmpty ? ClassifierLexicon(lists: lists, folding: folding) : nil
        self.lexicon = lexicon?.isEmpty == false ? lexicon : nil
    }

    /// The comment's features, unique and sorted.
    public func features(of input: ClassifierInput) -> [UInt64] {
        var sink = HashSink()
        walk(input, into: &sink)
        return sink.sorted()
    }

    /// Readable names of the given features of this comment (for explaining a verdict).
    public func describe(_ input: ClassifierInput, features wanted: Set<UInt64>) -> [UInt64: String] {
        var sink = TextSink(wanted: wanted)
        walk(input, into: &sink)
        return sink.names
    }

    func walk(_ input: ClassifierInput, into sink: inout some FeatureSink) {
        let foldedText = folding.fold(input.body, reusing: input.foldedBody)
        let folded = foldedText.scalars
        let words = Self.words(in: folded)
        var previous: Range<Int>? = nil
        for word in words {
            if options.words {
                var hash = FeatureHash(kind: .word)
                for i in word { hash.mix(folded[i]) }
                sink.add(hash.value, .word) { Self.string(folded[word]) }
            }
            if options.bigrams, let before = previous {
                var hash = FeatureHash(kind: .bigram)
                for i in before { hash.mix(folded[i]) }
                hash.mix(0x20)
                for i in word { hash.mix(folded[i]) }
                sink.add(hash.value, .bigram) { Self.string(folded[before]) + " " + Self.string(folded[word]) }
            }
            previous = word
            if !options.charGramSizes.isEmpty, !options.charGramsAcrossWords, word.count >= 2, word.count <= Self.maximumCharGramWordLength {
                charGrams(of: folded[word], into: &sink)
            }
        }
        if !options.charGramSizes.isEmpty, options.charGramsAcrossWords {
            textCharGrams(folded, words: words, into: &sink)
        }
        if options.links { linkFeatures(input, into: &sink) }
        if options.nameShape { nameShape(input.name, into: &sink) }
        if let lexicon { lexiconFeatures(lexicon, foldedText, into: &sink) }
    }

    private func lexiconFeatures(_ lexicon: ClassifierLexicon, _ folded: FoldedText, into sink: inout some FeatureSink) {
        for name in lexicon.featureNames(in: folded, summary: options.lexiconSummary) {
            var hash = FeatureHash(kind: .lexicon)
            hash.mix(name)
            sink.add(hash.value, .lexicon) { name }
            for copy in 1..<max(1, options.lexiconCopies) {
                var copyHash = hash
                copyHash.mix(UInt8(copy))
                sink.add(copyHash.value, .lexicon) { name + "#\(copy)" }
            }
        }
    }

    /// N-grams of `^word$`; the boundary marks are bytes no folded scalar hashes to alone.
    private func charGrams(of word: ArraySlice<Unicode.Scalar>, into sink: inout some FeatureSink) {
        let padded = word.count + 2
        for n in options.charGramSizes where padded >= n {
            for start in 0...(padded - n) {
                var hash = FeatureHash(kind: .charGram)
                hash.mix(UInt8(n))
                for position in start..<(start + n) {
                    if position == 0 { hash.mix(0x02) }
                    else if position == padded - 1 { hash.mix(0x03) }
                    else { hash.mix(word[word.startIndex + position - 1]) }
                }
                sink.add(hash.value, .charGram) {
                    var text = ""
                    for position in start..<(start + n) {
                        if position == 0 { text += "^" } else if position == padded - 1 { text += "$" }
                        else { text.unicodeScalars.append(word[word.startIndex + position - 1]) }
                    }
                    return text
                }
            }
        }
    }

    /// N-grams of ` word word … ` (one space before, between and after the words): a word's
    /// prefixes, suffixes and clitics as with `charGrams`, plus the join of two words
    /// (`يا ك`), which carries vocative and curse formulas across spelling variants.
    private func textCharGrams(_ folded: [Unicode.Scalar], words: [Range<Int>], into sink: inout some FeatureSink) {
        var text: [Unicode.Scalar] = [" "]
        for word in words where word.count <= Self.maximumCharGramWordLength {
            text.append(contentsOf: folded[word])
            text.append(" ")
        }
        for n in options.charGramSizes where text.count >= n {
            for start in 0...(text.count - n) {
                var hash = FeatureHash(kind: .textGram)
                hash.mix(UInt8(n))
                for position in start..<(start + n) { hash.mix(text[position]) }
                sink.add(hash.value, .textGram) { Self.string(text[start..<(start + n)]) }
            }
        }
    }

    private func linkFeatures(_ input: ClassifierInput, into sink: inout some FeatureSink) {
        let links = LinkScanner.links(in: input.body)
        var bucket = FeatureHash(kind: .linkCount)
        let label = links.count >= 3 ? "3+" : String(links.count)
        bucket.mix(label)
        sink.add(bucket.value, .linkCount) { label }
        for link in links.prefix(20) {
            for host in Self.hostForms(link.host) {
                var hash = FeatureHash(kind: .domain)
                hash.mix(host)
                sink.add(hash.value, .domain) { host }
            }
        }
        if let url = input.url, !url.isEmpty {
            let host = LinkScanner.links(in: url.contains("://") ? url : "http://" + url).first?.host ?? ""
            for form in Self.hostForms(host).prefix(1) {
                var hash = FeatureHash(kind: .website)
                hash.mix(form)
                sink.add(hash.value, .website) { form }
            }
        }
    }

    /// The host without `www.`, and its last two labels (`bit.ly`, `myleadergate.com`).
    static func hostForms(_ host: String) -> [String] {
        guard !host.isEmpty else { return [] }
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let labels = bare.split(separator: ".")
        guard labels.count > 2 else { return [bare] }
        return [bare, labels.suffix(2).joined(separator: ".")]
    }

    private func nameShape(_ name: String, into sink: inout some FeatureSink) {
        guard !name.isEmpty else { return }
        let scalars = name.unicodeScalars
        let digits = scalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
        let words = name.split(whereSeparator: { $0 == " " }).count
        let length = scalars.count
        let shapes = [
            digits ? "digits" : "no-digits",
            "words=\(min(words, 4))",
            "length=\(length <= 4 ? "short" : length <= 20 ? "medium" : "long")",
        ]
        for shape in shapes {
            var hash = FeatureHash(kind: .nameShape)
            hash.mix(shape)
            sink.add(hash.value, .nameShape) { shape }
        }
    }

    /// Word ranges in folded scalars: runs of letters, marks and digits; every other
    /// non-ASCII symbol (emoji) is a word of its own; ASCII punctuation and spaces separate.
    static func words(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = -1
        var index = 0
        while index < scalars.count, words.count < maximumWords {
            let scalar = scalars[index]
            switch classify(scalar) {
            case .word:
                if start < 0 { start = index }
            case .separator:
                if start >= 0 { words.append(start..<index); start = -1 }
            case .symbol:
                if start >= 0 { words.append(start..<index); start = -1 }
                words.append(index..<(index + 1))
            }
            index += 1
        }
        if start >= 0, words.count < maximumWords { words.append(start..<index) }
        return words
    }

    enum ScalarRole { case word, separator, symbol }

    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> ScalarRole {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) ? .word : .separator
        }
        // Arabic letters and digits, the common case, without a property lookup.
        if (v >= 0x0621 && v <= 0x064A) || (v >= 0x0671 && v <= 0x06D3) { return .word }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .otherSymbol, .mathSymbol, .currencySymbol:
            return .symbol
        default:
            return .separator
        }
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// Where `FeatureExtractor.walk` sends each feature; generic so the hash-only path never builds text.
protocol FeatureSink {
    mutating func add(_ hash: UInt64, _ kind: FeatureKind, _ text: () -> String)
}

struct HashSink: FeatureSink {
    var hashes: [UInt64] = []
    mutating func add(_ hash: UInt64, _ kind: FeatureKind, _ text: () -> String) { hashes.append(hash) }
    func sorted() -> [UInt64] {
        var sorted = hashes
        sorted.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for hash in sorted where unique.last != hash { unique.append(hash) }
        return unique
    }
}

struct TextSink: FeatureSink {
    let wanted: Set<UInt64>
    var names: [UInt64: String] = [:]
    mutating func add(_ hash: UInt64, _ kind: FeatureKind, _ text: () -> String) {
        guard wanted.contains(hash), names[hash] == nil else { return }
        names[hash] = "\(kind.label):\(text())"
    }
}
