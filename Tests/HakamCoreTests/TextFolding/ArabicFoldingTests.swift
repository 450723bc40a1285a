import Testing
@testable import HakamCore

@Suite("Text folding: Arabic")
struct ArabicFoldingTests {
    static let cases: [FoldingCase] = [
        // Harakat, shadda, sukun, tanween, dagger alef.
        .init("مَرْحَبًا", "مرحبا", "fatha, sukun, fathatan"),
        .init("مُحَمَّدٌ", "محمد", "damma, shadda, dammatan"),
        .init("السَّلَامُ عَلَيْكُمْ", "السلام عليكم", "greeting with full harakat"),
        .init("كِتَابٍ", "كتاب", "kasra, kasratan"),
        .init("هٰذا", "هذا", "superscript (dagger) alef U+0670"),
        .init("ٱلرَّحْمَٰنِ", "الرحمن", "alef wasla and dagger alef"),
        .init("ٱلْحَمْدُ لِلَّهِ", "الحمد لله", "Quranic spelling"),
        .init("لَا رَيْبَ ۛ فِيهِ", "لا ريب فيه", "Quranic pause mark between words leaves one space"),
        .init("ذَٰلِكَ ٱلْكِتَٰبُ", "ذلك الكتب", "dagger alef is dropped (DESIGN §4), even where modern spelling writes ا"),
        .init("فِيهِ ۚ هُدًى", "فيه هدي", "small jeem mark U+06DA, alef maqsura"),
        // Tatweel (kashida).
        .init("مـــرحـــبا", "مرحبا", "tatweel"),
        .init("تـــــــم", "تم", "long tatweel"),
        .init("كـَلـْب", "كلب", "tatweel mixed with harakat"),
        // Alef forms.
        .init("إسلام", "اسلام", "alef with hamza below"),
        .init("أحمد", "احمد", "alef with hamza above"),
        .init("آمن", "امن", "alef with madda"),
        .init("ٱستقبال", "استقبال", "alef wasla"),
        .init("ﺃﺣﻤﺪ", "احمد", "presentation forms with hamza"),
        // Yeh, waw and teh marbuta.
        .init("مستشفى", "مستشفي", "alef maqsura to yeh"),
        .init("على", "علي", "alef maqsura in a particle"),
        .init("مسؤول", "مسوول", "waw with hamza"),
        .init("سائل", "سايل", "yeh with hamza"),
        .init("رئيس", "رييس", "yeh with hamza, medial"),
        .init("مدرسة", "مدرسه", "teh marbuta to heh"),
        .init("جميلة جدا", "جميله جدا", "teh marbuta before a space"),
        .init("شيء", "شيء", "standalone hamza stays"),
        // Persian and Urdu look-alikes.
        .init("کلب", "كلب", "Persian keheh"),
        .init("ڪلب", "كلب", "swash kaf"),
        .init("یا", "يا", "Persian yeh"),
        .init("کی", "كي", "Persian keheh and yeh together"),
        .init("مدرسہ", "مدرسه", "Urdu heh goal"),
        .init("خانۀ", "خانه", "heh with yeh above"),
        .init("ھذا", "هذا", "heh doachashmee"),
        .init("میخواهم", "ميخواهم", "Persian word"),
        .init("می‌خواهم", "ميخواهم", "Persian word with ZWNJ"),
        .init("ڤيديو", "فيديو", "veh for a loanword"),
        .init("گوگل", "كوكل", "gaf"),
        .init("پيتزا", "بيتزا", "peh"),
        // Digits.
        .init("١٢٣", "123", "Arabic-Indic digits"),
        .init("۱۲۳", "123", "Persian digits"),
        .init("عام ٢٠٢٤", "عام 2024", "year in Arabic-Indic digits"),
        .init("مرحبا123", "مرحبا123", "digits in an Arabic token stay digits"),
        .init("٠٥٥١٢٣٤٥٦٧", "0551234567", "phone number"),
        // Compatibility forms.
        .init("ﻛﻠﺐ", "كلب", "presentation forms B"),
        .init("ﷲ", "الله", "Allah ligature"),
        .init("ﻻ", "لا", "lam-alef ligature"),
        .init("ﻣﺮﺣﺒﺎ", "مرحبا", "presentation forms of a whole word"),
        .init("كلﹰب", "كلب", "isolated fathatan presentation form U+FE70 inside a word"),
        // Repeated letters.
        .init("هههههه", "ه", "laughter"),
        .init("ههههههههه ههه", "ه ه", "two laughs"),
        .init("كلبببب", "كلب", "stretched final letter"),
        .init("حلوووو", "حلو", "stretched waw"),
        .init("الله", "الله", "a real double letter stays"),
        .init("ممنوع", "ممنوع", "initial double meem stays"),
        .init("يااااا حمار", "يا حمار", "stretched vocative"),
    ]

    @Test(arguments: cases)
    func folds(_ row: FoldingCase) {
        #expect(TextFolding().fold(row.input).text == row.folded)
    }

    @Test("teh marbuta is kept when the option is off")
    func tehMarbutaOption() {
        var options = TextFolding.Options()
        options.foldTehMarbuta = false
        let folding = TextFolding(options: options)
        #expect(folding.fold("مدرسة").text == "مدرسة")
        #expect(folding.fold("مدرسۃ").text == "مدرسة")
        #expect(folding.fold("مدرسه").text == "مدرسه")
    }
}
