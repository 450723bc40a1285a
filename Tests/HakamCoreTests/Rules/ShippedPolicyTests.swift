import Foundation
@testable import HakamCore
import Testing

/// The shipped `Policies/default.yml` and its lists, judged end to end (content rules + a new author).
@Suite("Shipped policy verdicts")
struct ShippedPolicyTests {
    static let policy: Policy = try! PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath)
    static let judge = Judge(policy: policy)

    func verdict(_ comment: ValidatedSubmission, approvedBefore: Int = 1) throws -> Verdict {
        try Self.judge.decide(contentReasons: try Self.judge.assess(comment), history: AuthorHistory(approvedCount: approvedBefore), now: Date())
    }

    @Test func conventionalTestValuesAreSpam() throws {
        #expect(try verdict(makeComment(body: "hello", name: "viagra-test-123")).action >= .spam)
        #expect(try verdict(makeComment(body: "hello", email: "akismet-guaranteed-spam@example.com")).action >= .spam)
    }

    /// Disguised spellings of listed words are caught.
    @Test(arguments: [
        "أفضل كَازِينُو أونلاين", "أفضل كــــازيـــنو", "أفضل كازی\u{200C}نو", "أفضل كا\u{200B}زينو",   // harakat, tatweel, Persian yeh + ZWNJ, ZWSP
        "best c4sino bonus", "best саsino bonus", "best ＣＡＳＩＮＯ bonus", "best CASINO bonus", "cheap v1agra here",
        "يا حقير", "يا حـــقـــير", "يا حَقِير", "انت حقيرة",
        "what a piece of shit", "f*ck off? no: fuck off",
    ])
    func disguisedWordsAreHeld(_ body: String) throws {
        let result = try verdict(makeComment(body: body))
        #expect(result.action >= .hold, "\(body): \(result.reasons.map(\.code))")
        #expect(result.reasons.contains { $0.code.hasPrefix("word.") })
    }

    /// The same letters inside innocent longer words are not.
    @Test(arguments: [
        "a classic assassin story in the class", "the Scunthorpe problem", "shitake mushrooms are tasty",
        "مقال رائع، شكراً للكاتب", "التحقيق في القضية مستمر", "الكلب الوفي حرس البيت", "بيتكوين ارتفع اليوم",
        "سوق الأسهم اليوم", "إسلام أحمد كتب مقالاً مفيداً",
    ])
    func innocentTextIsApproved(_ body: String) throws {
        let result = try verdict(makeComment(body: body))
        #expect(result.action == .approve, "\(body): \(result.reasons.map { "\($0.code) \($0.quote ?? "")" })")
    }

    @Test func disposableEmailAndShortenersAreHeld() throws {
        #expect(try verdict(makeComment(body: "hi", email: "x@mailinator.com")).reasons.map(\.code) == ["domain.disposable-email"])
        #expect(try verdict(makeComment(body: "the full report is here https://bit.ly/x worth reading")).reasons.map(\.code) == ["domain.url-shortener"])
    }
}
