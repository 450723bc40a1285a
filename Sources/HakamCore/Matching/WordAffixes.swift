/// The affixes a `word`-mode entry may carry in the text, in matching form.
///
/// Arabic attaches conjunctions, prepositions and the article to the front of a word, and pronouns
/// and plural endings to its back, all without a space: "والكلب" (and the dog), "كلبها" (her dog).
/// A whole-word match that ignored them would miss most real uses of a listed Arabic word.
struct WordAffixes: Sendable {
    /// Suffixes that start with the same scalar, longest first.
    struct SuffixGroup: Sendable {
        let first: Unicode.Scalar
        let suffixes: [[Unicode.Scalar]]
    }

    /// و/ف, then ب/ل/ك, then ال — every non-empty combination (ل + ال is written لل), longest first.
    let cliticPrefixes: [[Unicode.Scalar]]
    /// The last scalars of the clitics (و ف ب ل ك), for a quick rejection.
    let cliticFinals: [Unicode.Scalar]
    /// The vocative يا written onto the word ("ياحقير" for "يا حقير"), also with the article
    /// ("يالحقير"), common in comments. It only ever stands before a listed entry, so names that
    /// start with the same letters (ياسر, ياسمين) match nothing unless their tail is itself listed.
    /// Not combined with the other clitics. Longest first.
    let vocatives: [[Unicode.Scalar]]
    /// Pronoun suffixes (ه ها هم هن هما كم كن كما نا ي ك), plural/dual endings (ات ون ين ان),
    /// feminine ة, and ending + pronoun ("كلباتها", "كلبتك").
    let arabicSuffixes: [SuffixGroup]
    /// English inflections: s es ed ing er ers.
    let latinSuffixes: [SuffixGroup]

    /// Suffixes are only allowed on entries at least this long (in folded scalars). Two-letter
    /// entries are where suffixes turn innocent words into matches (a two-letter vulgarity plus
    /// "ون" is the everyday word for customer), so those must stand alone, clitics still allowed.
    static let minimumLengthForSuffixes = 3

    init(folding: TextFolding) {
        func folded(_ strings: [String]) -> [[Unicode.Scalar]] {
            let unique = Set(strings.map { folding.fold($0).scalars }).filter { !$0.isEmpty }
            return unique.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) { $0.value < $1.value } }
        }
        var clitics: [String] = []
        for conjunction in ["", "و", "ف"] {
            for preposition in ["", "ب", "ل", "ك"] {
                for article in ["", "ال"] {
                    let clitic = preposition == "ل" && article == "ال" ? conjunction + "لل"
                        : conjunction + preposition + article
                    if !clitic.isEmpty { clitics.append(clitic) }
                }
            }
        }
        let pronouns = ["ه", "ها", "هم", "هن", "هما", "كم", "كن", "كما", "نا", "ي", "ك"]
        let endings = ["ات", "ون", "ين", "ان", "ة"]
        // Before a pronoun, ة is written ت ("كلبتك"); ون loses its ن and is left out.
        let endingsBeforePronoun = ["ات", "ين", "ان", "ت"]
        let combined = endingsBeforePronoun.flatMap { ending in pronouns.map { ending + $0 } }
        func grouped(_ suffixes: [[Unicode.Scalar]]) -> [SuffixGroup] {
            Dictionary(grouping: suffixes) { $0[0] }
                .map { SuffixGroup(first: $0.key, suffixes: $0.value) }
                .sorted { $0.first.value < $1.first.value }
        }
        self.cliticPrefixes = folded(clitics)
        self.cliticFinals = Array(Set(cliticPrefixes.compactMap(\.last))).sorted { $0.value < $1.value }
        self.vocatives = folded(["يال", "يا"])
        self.arabicSuffixes = grouped(folded(pronouns + endings + combined))
        self.latinSuffixes = grouped(folded(["s", "es", "ed", "ing", "er", "ers"]))
    }
}
