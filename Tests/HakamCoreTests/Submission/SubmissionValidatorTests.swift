@testable import HakamCore
import Testing

@Suite("SubmissionValidator")
struct SubmissionValidatorTests {
    let validator = SubmissionValidator(limits: FieldLimits())

    func submission(_ change: (inout Submission) -> Void = { _ in }) -> Submission {
        var submission = Submission(post: "p", name: "أحمد", email: "ahmad@example.com", body: "نص")
        change(&submission)
        return submission
    }

    @Test func aValidSubmissionKeepsTheBodyVerbatimAndTrimsSingleLineFields() throws {
        let body = "  سطر أول\r\n\tسطر ثانٍ  "
        let valid = try validator.validate(submission {
            $0.name = "  أحمد  "
            $0.url = " https://example.com/a "
            $0.body = body
            $0.parent = "12"
        })
        #expect(valid.name == "أحمد")
        #expect(valid.url == "https://example.com/a")
        #expect(valid.body == body)
        #expect(valid.parentID == 12)
        #expect(valid.email.asciiDomain == "example.com")
    }

    @Test(arguments: ["", "0", "  "])
    func anEmptyOrZeroParentMeansNoParent(_ parent: String) throws {
        #expect(try validator.validate(submission { $0.parent = parent }).parentID == nil)
    }

    @Test func allErrorsAreReportedAtOnce() {
        #expect(throws: ValidationFailure(fields: [.post: .required, .name: .required, .email: .required, .body: .required])) {
            try validator.validate(Submission())
        }
    }

    @Test func lengthsCountCharactersNotBytes() throws {
        let limits = FieldLimits(name: 3, email: 254, url: 200, body: 4)
        let small = SubmissionValidator(limits: limits)
        // Three Arabic letters are six UTF-8 bytes; a flag emoji is one character of 8 bytes.
        #expect(throws: Never.self) { try small.validate(submission { $0.name = "علي"; $0.body = "🇸🇦🇪🇬ab" }) }
        #expect(throws: ValidationFailure(fields: [.name: .tooLong(limit: 3)])) { try small.validate(submission { $0.name = "عليه" }) }
    }

    @Test(arguments: ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"])
    func controlCharactersAreRefusedInTheBody(_ control: String) {
        #expect(throws: ValidationFailure(fields: [.body: .controlCharacters])) {
            try validator.validate(submission { $0.body = "a\(control)b" })
        }
    }

    @Test(arguments: ["http://example.com", "https://sub.example.com:8443/a?b=c#d", "HTTPS://EXAMPLE.COM"])
    func webURLsAreAccepted(_ url: String) throws {
        #expect(try validator.validate(submission { $0.url = url }).url == url)
    }

    @Test(arguments: ["example.com", "javascript:alert(1)", "data:text/html,x", "https://", "https://user:pw@example.com", "http://localhost", "https://exa mple.com", "mailto:a@example.com"])
    func otherURLsAreRefused(_ url: String) {
        #expect(throws: ValidationFailure(fields: [.url: .invalidURL])) { try validator.validate(submission { $0.url = url }) }
    }
}
