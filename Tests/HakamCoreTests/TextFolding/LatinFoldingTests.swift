import Testing
@testable import HakamCore

@Suite("Text folding: Latin, look-alikes and leetspeak")
struct LatinFoldingTests {
    static let cases: [FoldingCase] = [
        // Case and diacritics.
        .init("Casino", "casino", "capital"),
        .init("CASINO ONLINE", "casino online", "all caps"),
        .init("café", "cafe", "precomposed acute"),
        .init("cafe\u{0301}", "cafe", "combining acute"),
        .init("naïve ÉCOLE", "naive ecole", "diaeresis, capital with acute"),
        .init("İstanbul", "istanbul", "dotted capital I lower-cases to i + dot, dot dropped"),
        .init("ﬁnance", "finance", "fi ligature"),
        .init("c̷̢a̸s̵i̶n̴o̵", "casino", "Zalgo combining overlays"),
        .init("s̴̡̢̛̛̖̗̘̙̜̝̞̟p̸̧̨̛̠̤̥̦̩̪̫a̵m̷", "spam", "Zalgo flood"),
        // Compatibility (NFKC) variants.
        .init("ｃａｓｉｎｏ", "casino", "fullwidth"),
        .init("ＣＡＳＩＮＯ", "casino", "fullwidth capitals"),
        .init("𝐜𝐚𝐬𝐢𝐧𝐨", "casino", "mathematical bold"),
        .init("ℂ𝕒𝕤𝕚𝕟𝕠", "casino", "double-struck"),
        .init("ⓒⓐⓢⓘⓝⓞ", "casino", "circled"),
        .init("🅒🅐🅢🅘🅝🅞", "casino", "negative circled (no decomposition; look-alike table)"),
        .init("x²", "x2", "superscript digit"),
        // Cyrillic, Greek, Armenian and small-capital look-alikes.
        .init("саsino", "casino", "Cyrillic с and а"),
        .init("САЅІΝО", "casino", "Cyrillic and Greek capitals"),
        .init("CΑSΙΝΟ", "casino", "Greek capitals inside Latin"),
        .init("νiαgrα", "viagra", "Greek ν and α"),
        .init("ροrn", "porn", "Greek ρ and ο"),
        .init("κill", "kill", "Greek κ"),
        .init("ѕех", "sex", "Cyrillic ѕ е х"),
        .init("рауpаl", "paypal", "Cyrillic р а у"),
        .init("ʙɪᴛᴄᴏɪɴ", "bitcoin", "small capitals"),
        .init("ѕрам", "spaм", "lower-case Cyrillic м is not a look-alike of m"),
        .init("օnline", "online", "Armenian օ"),
        // Leetspeak, only in tokens with a Latin letter.
        .init("v1agra", "viagra", "1 → i"),
        .init("c4sino", "casino", "4 → a"),
        .init("$pam", "spam", "$ before a letter"),
        .init("h3ll0 w0rld", "hello world", "3 and 0"),
        .init("fr33 m0n3y", "free money", "several digits"),
        .init("5h1t", "shit", "5 → s"),
        .init("7ruth", "truth", "7 → t"),
        .init("sh!t", "shit", "! between letters"),
        .init("c@sino", "casino", "@ between letters"),
        .init("ca$h", "cash", "$ inside a word"),
        .init("ｖ１ａｇｒａ", "viagra", "fullwidth leet"),
        .init("v١agra", "viagra", "Arabic-Indic digit inside a Latin word"),
        .init("2024", "2024", "a number stays a number"),
        .init("call 0551234567", "call 0551234567", "a phone number next to a word stays"),
        .init("$100", "$100", "a price keeps its $"),
        .init("US$", "us$", "a trailing $ is a currency sign"),
        .init("spam!", "spam!", "a trailing ! is punctuation"),
        .init("wow!!!", "wow!!!", "exclamation marks are not letters"),
        .init("@ahmed", "@ahmed", "a mention keeps its @"),
        .init("bob@mail.com", "bob@mail.com", "an email address keeps its @"),
        .init("covid19", "covidi9", "digits in a Latin token read as leet (both sides fold alike)"),
        // Repeats and whitespace.
        .init("spaaaam", "spam", "stretched vowel"),
        .init("fuuuuuck", "fuck", "stretched vowel"),
        .init("cool", "cool", "a real double letter stays"),
        .init("coooool", "col", "a stretched double collapses to one (the matcher still matches cool)"),
        .init("xXx", "x", "case folds before collapsing"),
        .init("1000000", "1000000", "digit runs are not collapsed"),
        .init("Free   Money", "free money", "space runs collapse"),
        .init("free\n\tmoney", "free money", "any whitespace becomes one space"),
        .init("free\u{00A0}money", "free money", "no-break space"),
        .init("free\u{3000}money", "free money", "ideographic space"),
    ]

    @Test(arguments: cases)
    func folds(_ row: FoldingCase) {
        #expect(TextFolding().fold(row.input).text == row.folded)
    }

    @Test("look-alikes and leetspeak can be switched off")
    func options() {
        var options = TextFolding.Options()
        options.foldConfusables = false
        options.foldLeetspeak = false
        options.collapseRepeats = false
        let folding = TextFolding(options: options)
        #expect(folding.fold("саsino").text == "саsino")
        #expect(folding.fold("v1agra").text == "v1agra")
        #expect(folding.fold("spaaaam").text == "spaaaam")
        #expect(folding.fold("CASINO").text == "casino")
    }
}
