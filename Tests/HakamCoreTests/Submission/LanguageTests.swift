@testable import HakamCore
import Testing

@Suite("Language negotiation and messages")
struct LanguageTests {
    @Test(arguments: [
        (nil, Language.english), ("ar", .arabic), ("ar-SA", .arabic), ("en-US,en;q=0.9", .english),
        ("fr-FR,ar;q=0.8,en;q=0.5", .arabic), ("en;q=0.4, ar;q=0.6", .arabic), ("ar;q=0, en", .english),
        ("de, fr", .english), ("*", .english), ("AR", .arabic),
    ] as [(String?, Language)])
    func picksTheReadersLanguage(_ header: String?, _ expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }

    @Test func everyFieldErrorHasAnArabicAndAnEnglishMessage() throws {
        let errors: [FieldError] = [.required, .blank, .tooLong(limit: 10), .controlCharacters, .invalidURL, .invalidParent,
                                    .parentNotFound, .invalidPost] + EmailAddressError.allCases.map(FieldError.invalidEmail)
        for error in errors {
            for field in CommentField.allCases {
                let arabic = Messages(.arabic).fieldError(error, field: field)
                let english = Messages(.english).fieldError(error, field: field)
                #expect(!arabic.isEmpty && !english.isEmpty)
                #expect(arabic != english)
                #expect(arabic.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(error.code) has Arabic text")
            }
        }
    }
}
