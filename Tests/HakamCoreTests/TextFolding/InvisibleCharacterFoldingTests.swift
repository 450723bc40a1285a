import Testing
@testable import HakamCore

@Suite("Text folding: invisible and bidi characters")
struct InvisibleCharacterFoldingTests {
    static let cases: [FoldingCase] = [
        .init("كل\u{200C}ب", "كلب", "ZWNJ inside an Arabic word"),
        .init("كل\u{200D}ب", "كلب", "ZWJ inside an Arabic word"),
        .init("ك\u{200B}لب", "كلب", "ZWSP inside an Arabic word"),
        .init("مر\u{061C}حبا", "مرحبا", "Arabic letter mark"),
        .init("\u{202B}مرحبا\u{202C}", "مرحبا", "RLE … PDF embedding"),
        .init("ca\u{202E}sino", "casino", "RLO inside a word"),
        .init("\u{2067}spam\u{2069}", "spam", "RLI … PDI isolate"),
        .init("s\u{200E}p\u{200F}am", "spam", "LRM and RLM"),
        .init("ca\u{00AD}sino", "casino", "soft hyphen"),
        .init("\u{FEFF}spam", "spam", "byte-order mark"),
        .init("ca\u{2060}si\u{2063}no", "casino", "word joiner and invisible separator"),
        .init("s\u{034F}pam", "spam", "combining grapheme joiner"),
        .init("sp\u{FE0F}am", "spam", "variation selector"),
        .init("\u{3164}", "", "Hangul filler (blank display names)"),
        .init("ca\u{0007}sino", "casino", "control character"),
        .init("spam\u{E0041}\u{E007F}", "spam", "tag characters"),
    ]

    @Test(arguments: cases)
    func folds(_ row: FoldingCase) {
        #expect(TextFolding().fold(row.input).text == row.folded)
    }
}
