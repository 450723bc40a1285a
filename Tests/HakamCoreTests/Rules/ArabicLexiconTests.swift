import Foundation
@testable import HakamCore
import Testing

/// The shipped Arabic abuse lists: what each kind catches (dialects, clitics, plural and feminine
/// forms, vocatives, curse formulas) and the innocent news sentences that must stay clean.
@Suite("Shipped Arabic abuse lists")
struct ArabicLexiconTests {
    static let rule: WordListRule = {
        let policy = try! PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath)
        return WordListRule(lists: policy.wordLists)
    }()

    static func codes(_ body: String) -> [String] {
        rule.evaluate(makeComment(body: body)).map(\.code).filter { $0.hasPrefix("word.abuse") }
    }

    @Test(arguments: [
        // Vocative insults, with the vocative written apart, attached, and shortened.
        ("يا كلب يا واطي", "word.abuse-ar-insult"),
        ("ياحمار انت ما تفهم", "word.abuse-ar-insult"),
        ("ي خنزير", "word.abuse-ar-insult"),
        ("يالحقير", "word.abuse-ar-insult"),
        ("ياشرموطة", "word.abuse-ar-sexual"),
        ("يابن الكلب", "word.abuse-ar-sexual"),
        ("يا كلبة", "word.abuse-ar-insult"),
        // Plain insults with clitics, feminine and plural endings.
        ("والحقيرة دي مين", "word.abuse-ar-insult"),
        ("كلهم اغبياء وحقيرين", "word.abuse-ar-insult"),
        ("شعب متخلف", "word.abuse-ar-insult"),
        ("اخرسي", "word.abuse-ar-insult"),
        ("قليل الأدب وعديم الشرف", "word.abuse-ar-insult"),
        // Curse formulas in several dialects.
        ("الله يلعنك", "word.abuse-ar-curse"),
        ("يلعن أبوك", "word.abuse-ar-curse"),
        ("ربنا ياخدك", "word.abuse-ar-curse"),
        ("منك لله", "word.abuse-ar-curse"),
        ("الله لا يوفقكم", "word.abuse-ar-curse"),
        ("قبّحك الله", "word.abuse-ar-curse"),
        ("لعنة الله عليهم", "word.abuse-ar-curse"),
        ("نعل دين", "word.abuse-ar-curse"),
        // Sexual insults and insults on relatives.
        ("ابن الكلب", "word.abuse-ar-sexual"),
        ("ولاد الوسخة", "word.abuse-ar-sexual"),
        ("كسمك", "word.abuse-ar-sexual"),
        ("يا شرموطة", "word.abuse-ar-sexual"),
        // Slurs and threats.
        ("الروافض", "word.abuse-ar-hate"),
        ("ناقصات عقل ودين", "word.abuse-ar-hate"),
        ("والله لاقتلك", "word.abuse-ar-threat"),
        ("هكسر راسك", "word.abuse-ar-threat"),
        // Arabizi and Maghrebi French.
        ("ya 7mar", "word.abuse-ar-latin"),
        ("nik mok", "word.abuse-ar-latin"),
    ])
    func catches(_ body: String, code: String) {
        #expect(Self.codes(body).contains(code), "\(body) should match \(code), got \(Self.codes(body))")
    }

    @Test(arguments: [
        // Animals in the news.
        "عثرت الشرطة على كلب ضال في الحي",
        "الحمار الوحشي من الحيوانات المهددة بالانقراض",
        "أنفلونزا الخنازير عادت إلى الواجهة",
        "جمعية الرفق بالحيوان تطالب بقانون جديد",
        "الكلاب البوليسية عثرت على المخدرات",
        // Words that share letters with listed ones.
        "الحزب الوطني المنحل",
        "ثورة يناير والشعب يا ثورة",
        "خوّل القانون الوزير صلاحيات جديدة",
        "قواد الجيش اجتمعوا أمس",
        "صدر قرار بتعيين قائد جديد وتقود الحكومة الحوار",
        "فيلم عن لعنة الفراعنة",
        "ربنا ياخد بإيدك ويوفقك",
        "الله يرحمه ويغفر له",
        "إن الله لا يرحم من لا يرحم الناس",
        "لاعب التنس نيك كيرجيوس فاز بالمباراة",
        "زمالة الأطباء في الجامعة",
        "هذا الرجل صاحب مطية سياسية",
        "مدينة تيزي وزو الجزائرية",
        "يا رب احفظ مصر",
        "ياسمين وياسر ويامن وياسين ويارا سافروا إلى اليابان",
        "رفع العلم فخراً بالمنتخب",
        "تدوير غبي للاعبين",
        "شكرا على المقال، موضوع مهم جدا",
        "Nike and Nikon announced results; the con was obvious",
    ])
    func leavesNewsAlone(_ body: String) {
        #expect(Self.codes(body).isEmpty, "\(body) matched \(Self.codes(body))")
    }

    @Test func separateInsultsAddTheRepeatWeightOnce() {
        let piled = Self.rule.evaluate(makeComment(body: "يا كلب يا حقير يا واطي"))
        let repeated = piled.filter { $0.code == "word.abuse-ar-insult.repeated" }
        #expect(repeated.count == 1)
        #expect(repeated.first?.weight == 2)
        // One insult that contains another entry ("ولد القحبة" holds "قحبة") is not a pile.
        #expect(!Self.codes("ولد القحبة").contains("word.abuse-ar-sexual.repeated"))
        #expect(!Self.codes("يا حقير").contains("word.abuse-ar-insult.repeated"))
    }

    @Test func everyArabicListIsWiredWithItsOwnWeight() throws {
        let policy = try PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath)
        let names = policy.wordLists.map(\.name)
        for kind in ["insult", "curse", "hate", "sexual", "threat", "latin"] {
            let list = try #require(policy.wordLists.first { $0.name == "abuse-ar-\(kind)" }, "abuse-ar-\(kind) missing from \(names)")
            #expect(list.patterns.count >= 20)
            #expect(list.action == .hold)
            #expect(list.weight > 0)
        }
        // Mild insults only add to the score: one does not reach the hold threshold, two do.
        let mild = try #require(policy.wordLists.first { $0.name == "abuse-ar-mild" })
        #expect(mild.action == nil)
        #expect(mild.weight < policy.thresholds.hold)
        #expect(mild.weight + mild.repeatWeight >= policy.thresholds.hold)
    }

    @Test func oneMildWordScoresButTwoAddUp() {
        let one = Self.rule.evaluate(makeComment(body: "قرار تافه"))
        #expect(one.map(\.code) == ["word.abuse-ar-mild"])
        #expect(one.allSatisfy { $0.minimumAction == nil })
        let two = Self.rule.evaluate(makeComment(body: "كلام سخيف وتافه"))
        #expect(two.map(\.code).sorted() == ["word.abuse-ar-mild", "word.abuse-ar-mild.repeated"])
    }
}
