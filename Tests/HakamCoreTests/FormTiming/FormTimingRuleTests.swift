import Foundation
@testable import HakamCore
import Testing

@Suite("Form timing rule and policy")
struct FormTimingRuleTests {
    func comment(_ timing: FormTiming) -> ValidatedSubmission {
        ValidatedSubmission(postKey: "p", parentID: nil, name: "قارئ", email: try! EmailAddress(parsing: "reader@example.com"),
                            url: nil, body: "مقال جيد", formTiming: timing)
    }

    @Test(arguments: [
        (FormTiming.ok(seconds: 40), [String](), 0.0),
        (.missing, [], 0),
        (.tooFast(seconds: 1.2), ["form.too_fast"], 6),
        (.stale(hours: 72), ["form.stale"], 3),
        (.invalid, ["form.invalid_token"], 10),
    ])
    func defaultsWeighEachFact(_ timing: FormTiming, _ codes: [String], _ weight: Double) {
        let reasons = FormTimingRule(settings: FormTimingSettings()).evaluate(comment(timing))
        #expect(reasons.map(\.code) == codes)
        #expect(reasons.reduce(0) { $0 + $1.weight } == weight)
        #expect(reasons.allSatisfy { $0.field == "hakam_ts" })
    }

    @Test func theReasonExplainsTheTiming() throws {
        let reason = try #require(FormTimingRule(settings: FormTimingSettings()).evaluate(comment(.tooFast(seconds: 1.2))).first)
        #expect(reason.detail == "sent 1.2 s after the form was issued (minimum 3.0 s)")
    }

    @Test func aMissingTokenCountsOnlyWhenThePolicySaysSo() {
        var settings = FormTimingSettings()
        settings.missingWeight = 4
        #expect(FormTimingRule(settings: settings).evaluate(comment(.missing)).map(\.code) == ["form.missing_token"])
        settings.enabled = false
        #expect(FormTimingRule(settings: settings).evaluate(comment(.invalid)).isEmpty)
    }

    @Test func theJudgeHoldsATooFastComment() throws {
        var policy = Policy()
        policy.moderation = .none
        let judge = Judge(policy: policy)
        let reasons = try judge.assess(comment(.tooFast(seconds: 0.5)))
        let verdict = try judge.decide(contentReasons: reasons, history: AuthorHistory(), now: Date())
        #expect(verdict.action == .hold)
        #expect(verdict.reasons.map(\.code) == ["form.too_fast"])
        let invalid = try judge.decide(contentReasons: try judge.assess(comment(.invalid)), history: AuthorHistory(), now: Date())
        #expect(invalid.action == .spam)
    }

    @Test func thePolicyReadsFormTiming() throws {
        let yaml = """
        form_timing:
          enabled: true
          field: ts
          min_seconds: 5
          max_age_hours: 2
          too_fast_weight: 7
          stale_weight: 1
          invalid_weight: 12
          missing_weight: 2
        """
        let policy = try PolicyLoader().parse(yaml, file: "p.yml")
        #expect(policy.formTiming == FormTimingSettings(enabled: true, field: "ts", minSeconds: 5, maxAgeHours: 2,
                                                         tooFastWeight: 7, staleWeight: 1, invalidWeight: 12, missingWeight: 2))
    }

    @Test func theShippedPolicyDocumentsTheDefaults() throws {
        let policy = try PolicyLoader().load(path: PolicyLoaderTests.shippedPolicyPath)
        #expect(policy.formTiming == FormTimingSettings())
    }

    @Test(arguments: [
        ("form_timing:\n  min_secs: 3\n", 2, "form_timing.min_secs", "unknown key"),
        ("form_timing:\n  min_seconds: -1\n", 2, "form_timing.min_seconds", "negative"),
        ("form_timing:\n  max_age_hours: 0\n", 2, "form_timing.max_age_hours", "more than 0"),
        ("form_timing:\n  field: \"a b\"\n", 2, "form_timing.field", "form field name"),
        ("form_timing:\n  enabled: yes please\n", 2, "form_timing.enabled", "true or false"),
        ("form_timing:\n  min_seconds: 7200\n  max_age_hours: 1\n", 2, "form_timing", "longer than min_seconds"),
    ])
    func badSettingsAreRefusedWithFileLineAndKey(_ yaml: String, _ line: Int, _ key: String, _ fragment: String) {
        #expect {
            try PolicyLoader().parse(yaml, file: "bad.yml")
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            return error.file == "bad.yml" && error.line == line && error.key == key && error.description.contains(fragment)
        }
    }
}
