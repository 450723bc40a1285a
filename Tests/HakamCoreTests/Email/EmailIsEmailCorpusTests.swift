import Foundation
import Testing
@testable import HakamCore

/// Runs Hakam's address policy over the is_email suite. What each is_email category must
/// give under our stricter "public mailbox" policy:
///
/// - `ISEMAIL_ERR`, `ISEMAIL_CFWS`, `ISEMAIL_DEPREC`, `ISEMAIL_RFC5322` and `ISEMAIL_RFC5321`
///   (quoted strings, address literals, single-label and numeric TLDs): refused — except
///   that an address whose only folding whitespace is *surrounding* spaces/tabs is accepted,
///   because the policy trims those (form fields get a stray space from autocomplete).
///   Surrounding CR/LF is never trimmed, so all FWS with line breaks is still refused.
/// - `ISEMAIL_VALID_CATEGORY`: accepted, or refused only for a policy reason in
///   `validPolicyRefusals` (e.g. `test@io` has no dot).
/// - `ISEMAIL_DNSWARN` (syntactically valid, DNS lookup failed — we do no DNS): accepted,
///   or refused only for a reason in `dnsWarnPolicyRefusals`: `invalid_idn`, because
///   `test@xn--example.com` has an `xn--` label that does not decode to a valid U-label
///   (it decodes to an upper-case "Ωίθηδ"), which strict IDNA refuses.
@Suite("Email is_email corpus", .enabled(if: IsEmailCorpus.isPresent, "../shared/corpora/isemail absent: corpus tests skipped"))
struct EmailIsEmailCorpusTests {
    static let mustRefuse: Set<String> = ["ISEMAIL_ERR", "ISEMAIL_CFWS", "ISEMAIL_DEPREC", "ISEMAIL_RFC5322", "ISEMAIL_RFC5321"]
    static let validPolicyRefusals: Set<EmailAddressError> = [.domainNeedsDot, .specialUseDomain]
    static let dnsWarnPolicyRefusals: Set<EmailAddressError> = [.invalidIDN]

    @Test("every category behaves as the policy says", arguments: IsEmailCorpus.fileNames)
    func corpus(_ fileName: String) throws {
        let cases = try IsEmailCorpus.load(fileName)
        #expect(cases.count > 100, "suspiciously few tests parsed from \(fileName)")

        var tally: [String: (accepted: Int, refused: Int)] = [:]
        var trimmedAccepts: [String] = []
        var policyRefusals: [String] = []
        for test in cases {
            let outcome = Result { () throws(EmailAddressError) in try EmailAddress(parsing: test.address) }
            let accepted = (try? outcome.get()) != nil
            tally[test.category, default: (0, 0)].accepted += accepted ? 1 : 0
            tally[test.category, default: (0, 0)].refused += accepted ? 0 : 1
            let label = "#\(test.id) \(test.address.debugDescription) [\(test.diagnosis)]"

            switch (test.category, outcome) {
            case (let category, .success) where Self.mustRefuse.contains(category):
                // Only surrounding blanks, which the policy trims, may turn these into a pass.
                let trimmed = EmailAddress.trimmingSurroundingBlanks(test.address)
                #expect(trimmed != test.address, "accepted but \(category) must be refused: \(label)")
                #expect(test.category == "ISEMAIL_CFWS" || test.category == "ISEMAIL_DEPREC", "\(label)")
                trimmedAccepts.append("#\(test.id)")
            case (let category, .failure) where Self.mustRefuse.contains(category):
                break
            case ("ISEMAIL_VALID_CATEGORY", .failure(let error)):
                #expect(Self.validPolicyRefusals.contains(error), "valid address refused with \(error.code): \(label)")
                policyRefusals.append("#\(test.id)→\(error.code)")
            case ("ISEMAIL_DNSWARN", .failure(let error)):
                #expect(Self.dnsWarnPolicyRefusals.contains(error), "DNSWARN address refused with \(error.code): \(label)")
                policyRefusals.append("#\(test.id)→\(error.code)")
            case ("ISEMAIL_VALID_CATEGORY", .success), ("ISEMAIL_DNSWARN", .success):
                break
            default:
                Issue.record("unknown category \(test.category) in \(label)")
            }
        }

        let summary = tally.keys.sorted().map { "\($0): \(tally[$0]!.accepted) accepted / \(tally[$0]!.refused) refused" }
        print("is_email \(fileName): \(cases.count) addresses — " + summary.joined(separator: ", "))
        print("is_email \(fileName): accepted after trimming surrounding blanks: \(trimmedAccepts); policy refusals: \(policyRefusals)")
    }
}

/// The corpus reader's own logic, which needs no corpus.
@Suite("Email is_email corpus reader")
struct EmailIsEmailCorpusReaderTests {
    @Test("control-character placeholders are mapped back")
    func restoresControls() {
        #expect(IsEmailCorpus.restoringControls("a\u{240D}\u{240A}b\u{2400}\u{2407}") == "a\r\nb\u{0}\u{7}")
        #expect(IsEmailCorpus.restoringControls("\u{2420}x") == "\u{2420}x") // SYMBOL FOR SPACE is not a control
    }
}
