import Foundation
@testable import HakamCore
import Testing

/// A validated comment with the given fields, for rule tables.
func makeComment(body: String, name: String = "قارئ", email: String = "reader@example.com", url: String? = nil, extra: [String: String] = [:]) -> ValidatedSubmission {
    ValidatedSubmission(postKey: "p", parentID: nil, name: name, email: try! EmailAddress(parsing: email), url: url, body: body, extraFields: extra)
}

@Suite("Content rules")
struct RuleTests {
    let weights = RuleWeights()

    @Test(arguments: [
        ("THIS IS THE BEST ARTICLE EVER WRITTEN", ["shape.all_caps"]),
        ("OK THEN", []),  // too short to be shouting
        ("مقال رائع جداً", []),
        ("noooooooooooooo way", ["shape.repeated_characters"]),
        ("😀😀 🎉", ["shape.only_emoji"]),
        ("👍 رائع", []),
        ("h\u{0301}\u{0302}\u{0303}\u{0304}ello", ["shape.zalgo"]),
        ("شَدَّةٌ", []),  // Arabic harakat are not Zalgo
    ])
    func bodyShape(_ body: String, _ expected: [String]) {
        #expect(BodyShapeRule(weights: weights).evaluate(makeComment(body: body)).map(\.code) == expected)
    }

    @Test(arguments: [
        ("https://a.example/x https://b.example/y", ["links.many", "shape.mostly_links"]),
        ("https://a.example/some/long/path/to/a/page", ["shape.mostly_links"]),
        ("read https://a.example/x, it explains the whole story in detail", []),
        ("one https://a.example and one www.b.example in a longer sentence about the news", ["links.many"]),
        ("no links at all", []),
    ])
    func links(_ body: String, _ expected: [String]) {
        #expect(LinkCountRule(holdAt: 2, mostlyLinksWeight: 5).evaluate(makeComment(body: body)).map(\.code) == expected)
    }

    @Test(arguments: [
        ("hello\u{200B}world", true), ("\u{202E}txt.exe", true), ("كلمة\u{200D}سر", true), ("normal text", false),
        ("می\u{200C}خواهم", false),  // Persian ZWNJ between letters is ordinary spelling
    ])
    func invisibleCharacters(_ body: String, _ flagged: Bool) {
        #expect(!InvisibleCharacterRule(weight: 3).evaluate(makeComment(body: body)).isEmpty == flagged)
    }

    @Test(arguments: [("саsino", true), ("pаypal", true), ("casino", false), ("Ελλάδα", false), ("Москва", false), ("café", false), ("عربي English", false)])
    func mixedScript(_ body: String, _ flagged: Bool) {
        #expect(!MixedScriptRule(weight: 5).evaluate(makeComment(body: body)).isEmpty == flagged)
    }

    @Test func honeypotFilledIsSpam() {
        let rule = HoneypotRule(field: "hakam_hp", weight: 20)
        #expect(rule.evaluate(makeComment(body: "x", extra: ["hakam_hp": ""])).isEmpty)
        #expect(rule.evaluate(makeComment(body: "x")).isEmpty)
        let reasons = rule.evaluate(makeComment(body: "x", extra: ["hakam_hp": "http://spam.example"]))
        #expect(reasons.map(\.code) == ["honeypot.filled"])
        #expect(reasons.first?.minimumAction == .spam)
    }

    @Test func testValues() {
        let rule = TestValuesRule(weight: 20)
        #expect(rule.evaluate(makeComment(body: "x", name: "viagra-test-123")).map(\.code) == ["test.spam_name"])
        #expect(rule.evaluate(makeComment(body: "x", email: "akismet-guaranteed-spam@example.com")).map(\.code) == ["test.spam_email"])
        #expect(rule.evaluate(makeComment(body: "x")).isEmpty)
        // Inside a longer name, in any case; a near miss is not it.
        #expect(rule.evaluate(makeComment(body: "x", name: "أحمد VIAGRA-Test-123 ✓")).map(\.code) == ["test.spam_name"])
        #expect(rule.evaluate(makeComment(body: "x", name: "viagra-test-12")).isEmpty)
        #expect(rule.evaluate(makeComment(body: "x", name: "viagra-test-12viagra-test-123")).map(\.code) == ["test.spam_name"])
        // Only ASCII letters fold: punctuation next to a letter's case bit (`-` is not `\r`) stays itself.
        #expect(rule.evaluate(makeComment(body: "x", name: "viagra\rtest\r123")).isEmpty)
        #expect(rule.evaluate(makeComment(body: "x", name: "VIAGRA-TEST-123")).map(\.code) == ["test.spam_name"])
        #expect(rule.evaluate(makeComment(body: "x", email: "Akismet-Guaranteed-Spam@Example.com")).map(\.code) == ["test.spam_email"])
        #expect(rule.evaluate(makeComment(body: "x", email: "akismet-guaranteed-spam@example.co")).isEmpty)
        #expect(rule.evaluate(makeComment(body: "x", email: "akismet-guaranteed-spam@example.com.sa")).isEmpty)
    }

    @Test func domainListsMatchDomainsAndSubdomainsOfEmailsAndLinks() {
        let rule = DomainListRule(lists: [
            DomainListSettings(name: "disposable", file: "d.txt", appliesTo: .email, action: .hold, weight: 4, domains: ["mailinator.com"]),
            DomainListSettings(name: "shortener", file: "s.txt", appliesTo: .links, action: .hold, weight: 3, domains: ["bit.ly", "xn--mgbh0fb.xn--kgbechtv"]),
        ])
        #expect(rule.evaluate(makeComment(body: "x", email: "a@eu.mailinator.com")).map(\.code) == ["domain.disposable"])
        #expect(rule.evaluate(makeComment(body: "see https://bit.ly/abc and www.bit.ly/x")).map(\.code) == ["domain.shortener"])
        #expect(rule.evaluate(makeComment(body: "x", url: "https://BIT.LY/abc")).map(\.code) == ["domain.shortener"])
        #expect(rule.evaluate(makeComment(body: "رابط https://مثال.إختبار/ص")).map(\.code) == ["domain.shortener"])
        #expect(rule.evaluate(makeComment(body: "notbit.ly is fine, and a@mailinator.com in a body is not the email")).isEmpty)
        #expect(rule.evaluate(makeComment(body: "x", email: "a@mailinator.com.example")).isEmpty)
    }

    @Test func wordListsQuoteTheRealTextAndRespectFields() throws {
        let lists = [
            WordListSettings(name: "spam", file: "s.txt", action: .hold, weight: 6, patterns: try WordMatcher.parseList("casino*\nكازينو", listID: 0)),
            WordListSettings(name: "abuse", file: "a.txt", action: nil, weight: 5, fields: [.body], patterns: try WordMatcher.parseList("حقير", listID: 1)),
        ]
        let rule = WordListRule(lists: lists)
        let reasons = rule.evaluate(makeComment(body: "أفضل الكـــازِينو هنا", name: "حقير"))
        #expect(reasons.map(\.code) == ["word.spam"])
        #expect(reasons.first?.quote == "الكـــازِينو" || reasons.first?.quote == "كـــازِينو")
        #expect(reasons.first?.field == "body")
        let both = rule.evaluate(makeComment(body: "يا حقير", name: "C4SINO king"))
        #expect(both.map(\.code) == ["word.spam", "word.abuse"])
        #expect(both.first?.field == "name")
        #expect(both.first?.quote == "C4SINO")
    }
}
