import Testing
@testable import HakamCore

@Suite("Word matcher: Arabic")
struct WordMatcherArabicTests {
    static let cases: [MatcherCase] = [
        // A listed word written to dodge the list is still caught, and quoted as written.
        .init("كلب", "هذا كلب", ["كلب"], "plain"),
        .init("كلب", "يا كَلْبُ", ["كَلْبُ"], "with harakat"),
        .init("كلب", "يا كـــلـــب", ["كـــلـــب"], "with tatweel"),
        .init("كلب", "يا کلب", ["کلب"], "with Persian keheh"),
        .init("كلب", "يا ك\u{200C}ل\u{200B}ب", ["ك\u{200C}ل\u{200B}ب"], "with zero-width characters"),
        .init("كلب", "يا ﻛﻠﺐ", ["ﻛﻠﺐ"], "in presentation forms"),
        .init("كلب", "يا كلببببب", ["كلببببب"], "stretched"),
        .init("مرحبا", "مَرْحَبًا بكم", ["مَرْحَبًا"], "entry without harakat, text with"),
        .init("مَرْحَبًا", "مرحبا بكم", ["مرحبا"], "entry with harakat, text without"),
        .init("احمق", "أنت أحمق", ["أحمق"], "alef with hamza in the text"),
        .init("أحمق", "انت احمق", ["احمق"], "alef with hamza in the entry"),
        .init("غبي", "ولد غبى", ["غبى"], "alef maqsura for yeh"),
        .init("حمار", "يا حمااااار", ["حمااااار"], "stretched alef"),
        // Clitic prefixes.
        .init("كلب", "والكلب نائم", ["كلب"], "و + ال"),
        .init("كلب", "بالكلب", ["كلب"], "ب + ال"),
        .init("كلب", "للكلب", ["كلب"], "ل + ال written لل"),
        .init("كلب", "فكلب", ["كلب"], "ف"),
        .init("كلب", "وبكلب", ["كلب"], "و + ب"),
        .init("الكلب", "والكلب", ["الكلب"], "entry with the article, text with و"),
        // The vocative يا written onto the word, before a listed entry only.
        .init("حقير", "ياحقير", ["حقير"], "attached vocative"),
        .init("حقير", "يالحقيرة", ["حقير"], "attached vocative with the article"),
        .init("يا كلب", "ياكلب", ["ياكلب"], "vocative phrase written attached"),
        .init("يا كلب", "يا كلب", ["يا كلب"], "vocative phrase as listed"),
        .init("حقير\nكلب", "ياسمين وياسر ويامن", [], "names starting with يا hold no entry"),
        .init("سمين", "ياسمين", ["سمين"], "the vocative applies to any listed entry: list with care"),
        .init("حقير", "مياحقير", [], "the vocative must start the word"),
        // Exceptions: an innocent word that holds an entry.
        .init("خرا\n!فخرا", "قالها فخرا بوطنه", [], "exception hides the entry inside it"),
        .init("خرا\n!فخرا", "وفخرا لنا", [], "exception with a clitic"),
        .init("خرا\n!فخرا", "فخرا ثم خرا", ["خرا"], "the entry still matches outside the exception"),
        .init("خرا", "قالها فخرا", ["خرا"], "without the exception ف is a clitic"),
        // Suffixes.
        .init("كلب", "كلبها", ["كلب"], "pronoun ها"),
        .init("كلب", "كلبهم", ["كلب"], "pronoun هم"),
        .init("كلب", "كلبة", ["كلب"], "feminine ة"),
        .init("كلب", "كلبتك", ["كلب"], "feminine before a pronoun"),
        .init("كلب", "كلبات", ["كلب"], "feminine plural"),
        .init("حقير", "الحقيرين", ["حقير"], "article and plural ين"),
        .init("كلب", "وكلابهم", [], "broken plurals are other words: list them"),
        // Innocent longer words are not caught in word mode, but are in substring mode.
        .init("كلب", "كلبشة", [], "handcuffs contain كلب"),
        .init("*كلب*", "كلبشة", ["كلب"], "substring mode finds it"),
        .init("كلب", "مكلب", [], "م is not a clitic"),
        .init("زب", "الزبون دائما على حق", [], "customer contains a two-letter vulgarity"),
        .init("زب", "زبدة وزبيب", [], "butter and raisins"),
        .init("*زب*", "الزبون", ["زب"], "substring mode is WordPress behaviour"),
        .init("زب", "يا زب", ["زب"], "the two-letter word on its own"),
        .init("زب", "زبون", [], "no suffixes on two-letter entries"),
        .init("خول", "دخول المنزل", [], "entry contains an innocent word's tail"),
        // Prefix mode.
        .init("كازينو*", "كازينوهات اونلاين", ["كازينو"], "prefix mode"),
        .init("كازينو*", "والكازينوهات", ["كازينو"], "prefix mode after clitics"),
        .init("كازينو*", "ميكازينو", [], "prefix mode still needs a word start"),
        // Several entries.
        .init("كلب\nحمار", "يا حمار يا كلب", ["حمار", "كلب"], "in text order"),
        .init("كلب", "كلب وكلب", ["كلب"], "one report per entry, leftmost"),
        .init("ﷲ", "الله أكبر", ["الله"], "entry in a ligature form"),
    ]

    @Test(arguments: cases)
    func matches(_ row: MatcherCase) throws {
        #expect(try row.matchedQuotes() == row.quotes)
    }

    @Test func anExceptionOnlySilencesItsOwnList() throws {
        let patterns = try WordMatcher.parseList("خرا\n!فخرا", listID: 0) + WordMatcher.parseList("خرا", listID: 1)
        let matches = WordMatcher(patterns: patterns).matches(in: "قالها فخرا")
        #expect(matches.map(\.pattern.listID) == [1])
        #expect(!matches.contains { $0.pattern.isException })
    }
}
