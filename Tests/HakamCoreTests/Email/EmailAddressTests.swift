import Foundation
import Testing
@testable import HakamCore

/// One address that must parse, with the parts it must produce.
struct AcceptedEmail: Sendable, CustomTestStringConvertible {
    let input: String
    let localPart: String
    let domain: String
    let asciiDomain: String
    var testDescription: String { input.debugDescription }
}

/// One address that must be refused, with the reason.
struct RefusedEmail: Sendable, CustomTestStringConvertible {
    let input: String
    let error: EmailAddressError
    var testDescription: String { "\(input.debugDescription) → \(error.code)" }
}

@Suite("EmailAddress parsing")
struct EmailAddressTests {
    static let accepted: [AcceptedEmail] = [
        .init(input: "a@example.com", localPart: "a", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "User.Name+tag@Example.COM", localPart: "User.Name+tag", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "  a@example.com \t", localPart: "a", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "\u{A0}a@example.com\u{3000}", localPart: "a", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "!#$%&'*+-/=?^_`{|}~@example.com", localPart: "!#$%&'*+-/=?^_`{|}~", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "a@b.co", localPart: "a", domain: "b.co", asciiDomain: "b.co"),
        .init(input: "a@123.com", localPart: "a", domain: "123.com", asciiDomain: "123.com"),
        .init(input: "a@mason-dixon.com", localPart: "a", domain: "mason-dixon.com", asciiDomain: "mason-dixon.com"),
        // Arabic and other IDNs, in Unicode and in A-label form.
        .init(input: "info@nic.مصر", localPart: "info", domain: "nic.مصر", asciiDomain: "nic.xn--wgbh1c"),
        .init(input: "info@NIC.XN--WGBH1C", localPart: "info", domain: "nic.مصر", asciiDomain: "nic.xn--wgbh1c"),
        .init(input: "مستخدم@مثال.مصر", localPart: "مستخدم", domain: "مثال.مصر", asciiDomain: "xn--mgbh0fb.xn--wgbh1c"),
        .init(input: "مستخدم@xn--mgbh0fb.xn--wgbh1c", localPart: "مستخدم", domain: "مثال.مصر", asciiDomain: "xn--mgbh0fb.xn--wgbh1c"),
        .init(input: "info@موقع.وزارة-الاتصالات.مصر", localPart: "info",
              domain: "موقع.وزارة-الاتصالات.مصر", asciiDomain: "xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c"),
        .init(input: "user@مثال.السعودية", localPart: "user", domain: "مثال.السعودية", asciiDomain: "xn--mgbh0fb.xn--mgberp4a5d4ar"),
        .init(input: "user@ایران.ir", localPart: "user", domain: "ایران.ir", asciiDomain: "xn--mgba3a4f16a.ir"),
        .init(input: "user@Bücher.de", localPart: "user", domain: "bücher.de", asciiDomain: "xn--bcher-kva.de"),
        .init(input: "user@ПРИМЕР.РФ", localPart: "user", domain: "пример.рф", asciiDomain: "xn--e1afmkfd.xn--p1ai"),
        .init(input: "test@xn--hxajbheg2az3al.xn--jxalpdlp", localPart: "test", domain: "παράδειγμα.δοκιμή", asciiDomain: "xn--hxajbheg2az3al.xn--jxalpdlp"),
        // IDNA dot equivalents separate labels like ".".
        .init(input: "a@example\u{3002}com", localPart: "a", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "a@example\u{FF0E}com", localPart: "a", domain: "example.com", asciiDomain: "example.com"),
        .init(input: "a@nic\u{FF61}مصر", localPart: "a", domain: "nic.مصر", asciiDomain: "nic.xn--wgbh1c"),
        // A decomposed (NFD) local part is stored composed; the domain too.
        .init(input: "Jose\u{301}@cafe\u{301}.fr", localPart: "Jos\u{E9}", domain: "caf\u{E9}.fr", asciiDomain: "xn--caf-dma.fr"),
        // Persian digits in a local part are fine; example TLDs are allowed on purpose.
        .init(input: "۱۲۳@example.org", localPart: "۱۲۳", domain: "example.org", asciiDomain: "example.org"),
        .init(input: "a@sub.example", localPart: "a", domain: "sub.example", asciiDomain: "sub.example"),
    ]

    static let refused: [RefusedEmail] = [
        .init(input: "", error: .empty),
        .init(input: " \t ", error: .empty),
        .init(input: "a@b", error: .domainNeedsDot),
        .init(input: "test@io", error: .domainNeedsDot),
        .init(input: "\"quoted\"@example.com", error: .quotedLocalPart),
        .init(input: "a.\"b\"@example.com", error: .quotedLocalPart),
        .init(input: "user@[127.0.0.1]", error: .ipLiteral),
        .init(input: "user@[IPv6:::1]", error: .ipLiteral),
        .init(input: "Name <a@example.com>", error: .displayName),
        .init(input: "<a@example.com>", error: .displayName),
        .init(input: "(comment)a@example.com", error: .comment),
        .init(input: "a@example.com(comment)", error: .comment),
        .init(input: "a@example.local", error: .specialUseDomain),
        .init(input: "a@x.onion", error: .specialUseDomain),
        .init(input: "a@localhost", error: .specialUseDomain),
        .init(input: "a@foo.localhost", error: .specialUseDomain),
        .init(input: "a@mail.test", error: .specialUseDomain),
        .init(input: "a@name.invalid", error: .specialUseDomain),
        .init(input: "a@1.0.0.127.in-addr.arpa", error: .specialUseDomain),
        .init(input: "a..b@example.com", error: .invalidLocalPart),
        .init(input: ".a@example.com", error: .invalidLocalPart),
        .init(input: "a.@example.com", error: .invalidLocalPart),
        .init(input: "a@b@example.com", error: .invalidLocalPart),
        .init(input: "a\\b@example.com", error: .invalidLocalPart),
        .init(input: "a,b@example.com", error: .invalidLocalPart),
        .init(input: "user☺@example.com", error: .invalidLocalPart),
        .init(input: "\u{202E}moc.elpmaxe@a.com", error: .invalidLocalPart),
        .init(input: "a@-x.com", error: .invalidDomain),
        .init(input: "a@x-.com", error: .invalidDomain),
        .init(input: "a@exa_mple.com", error: .invalidDomain),
        .init(input: "a@example..com", error: .invalidDomain),
        .init(input: "a@.example.com", error: .invalidDomain),
        .init(input: "a@example.com.", error: .invalidDomain),
        .init(input: "a@exa$mple.com", error: .invalidDomain),
        .init(input: "a@example.123", error: .numericTopLevelDomain),
        .init(input: "a@127.0.0.1", error: .numericTopLevelDomain),
        .init(input: "example.com", error: .missingAt),
        .init(input: "@example.com", error: .missingLocalPart),
        .init(input: "a@", error: .missingDomain),
        .init(input: "a b@example.com", error: .whitespace),
        .init(input: "a@exa mple.com", error: .whitespace),
        .init(input: "a@example.com\r\nBcc: victim@example.org", error: .controlCharacter),
        .init(input: "a@example.com\n", error: .controlCharacter),
        .init(input: "a\u{7}@example.com", error: .controlCharacter),
        // Internationalized domain problems.
        .init(input: "a@xn--example.com", error: .invalidIDN),     // decodes to upper-case "Ωίθηδ"
        .init(input: "a@xn--abc-.com", error: .invalidIDN),        // decodes to plain ASCII "abc"
        .init(input: "a@xn--wgbh1c!.com", error: .invalidIDN),     // not Punycode
        .init(input: "a@xn--.com", error: .invalidIDN),            // empty payload
        .init(input: "a@مـصر.com", error: .invalidDomain),         // tatweel (U+0640), an IDNA exception
        .init(input: "a@مصر٣۳.com", error: .invalidDomain),        // Arabic-Indic and Persian digits mixed
        .init(input: "a@مصر؟.com", error: .invalidDomain),         // Arabic question mark: punctuation
        .init(input: "a@exa\u{200D}mple.com", error: .invalidDomain), // zero-width joiner
        .init(input: "a@\u{301}example.com", error: .invalidDomain),  // leading combining mark
        .init(input: "a@example.\u{301}com", error: .invalidDomain),  // …glued to the dot before it
        .init(input: "a.\u{301}b@example.com", error: .invalidLocalPart), // same in the local part
        .init(input: "a@ｅｘａｍｐｌｅ.com", error: .invalidDomain),   // full-width letters (compatibility forms)
        .init(input: "a@☺.com", error: .invalidDomain),
        .init(input: "a@example\u{6D4}com", error: .invalidDomain), // Arabic full stop is not a dot
        .init(input: "a@ab--مصر.com", error: .invalidDomain),     // "--" in positions 3–4 of a U-label
    ]

    @Test("accepts", arguments: accepted)
    func accepts(_ case_: AcceptedEmail) throws {
        let email = try EmailAddress(parsing: case_.input)
        #expect(email.localPart.unicodeScalars.elementsEqual(case_.localPart.unicodeScalars))
        #expect(email.domain.unicodeScalars.elementsEqual(case_.domain.unicodeScalars))
        #expect(email.asciiDomain == case_.asciiDomain)
        #expect(email.normalized == case_.localPart + "@" + case_.asciiDomain)
        #expect(email.unicodeAddress == case_.localPart + "@" + case_.domain)
    }

    @Test("refuses", arguments: refused)
    func refuses(_ case_: RefusedEmail) {
        #expect(throws: case_.error) { try EmailAddress(parsing: case_.input) }
    }

    // MARK: length limits (octets of UTF-8; the domain measured in A-label form)

    @Test("local part: 64 octets accepted, 65 refused")
    func localPartLength() throws {
        #expect(try EmailAddress(parsing: String(repeating: "a", count: 64) + "@example.com").localPart.utf8.count == 64)
        #expect(throws: EmailAddressError.localPartTooLong) {
            try EmailAddress(parsing: String(repeating: "a", count: 65) + "@example.com")
        }
        // Arabic letters are two octets each: 32 fit, 33 do not.
        #expect(try EmailAddress(parsing: String(repeating: "م", count: 32) + "@example.com").localPart.utf8.count == 64)
        #expect(throws: EmailAddressError.localPartTooLong) {
            try EmailAddress(parsing: String(repeating: "م", count: 33) + "@example.com")
        }
    }

    @Test("whole address: 254 octets accepted, 255 refused")
    func totalLength() throws {
        let local = String(repeating: "l", count: 64)
        func domain(lastLabel: Int) -> String {
            [String(repeating: "a", count: 63), String(repeating: "b", count: 63), String(repeating: "c", count: lastLabel), "com"]
                .joined(separator: ".")
        }
        let longest = try EmailAddress(parsing: local + "@" + domain(lastLabel: 57))
        #expect(longest.normalized.utf8.count == 254)
        #expect(throws: EmailAddressError.tooLong) { try EmailAddress(parsing: local + "@" + domain(lastLabel: 58)) }
    }

    @Test("an IDN is measured in its A-label form")
    func idnLengthUsesALabel() throws {
        // 57 × "م" encodes to a 63-octet A-label, 58 to 64 octets (over the limit) although
        // the Unicode label is well under 63 characters.
        let fits = try EmailAddress(parsing: "a@" + String(repeating: "م", count: 57) + ".com")
        #expect(fits.asciiDomain.split(separator: ".")[0].utf8.count == 63)
        #expect(throws: EmailAddressError.domainLabelTooLong) {
            try EmailAddress(parsing: "a@" + String(repeating: "م", count: 58) + ".com")
        }
        // Three such labels + ".com" make a 195-octet A-label domain (177 characters in
        // Unicode, 348 octets of UTF-8): a 58-octet local part fits exactly, 59 does not.
        let label = String(repeating: "م", count: 57)
        let domain = [label, label, label, "com"].joined(separator: ".")
        let longest = try EmailAddress(parsing: String(repeating: "l", count: 58) + "@" + domain)
        #expect(longest.normalized.utf8.count == 254)
        #expect(throws: EmailAddressError.tooLong) {
            try EmailAddress(parsing: String(repeating: "l", count: 59) + "@" + domain)
        }
    }

    @Test("domain labels: 63 octets accepted, 64 refused; domain over 253 refused")
    func domainLengths() throws {
        #expect(try EmailAddress(parsing: "a@" + String(repeating: "x", count: 63) + ".com").asciiDomain.count == 67)
        #expect(throws: EmailAddressError.domainLabelTooLong) {
            try EmailAddress(parsing: "a@" + String(repeating: "x", count: 64) + ".com")
        }
        let longDomain = (0..<4).map { _ in String(repeating: "d", count: 62) }.joined(separator: ".") + ".com" // 255
        #expect(throws: EmailAddressError.domainTooLong) { try EmailAddress(parsing: "a@" + longDomain) }
    }

    @Test("absurdly long input is refused cheaply")
    func hugeInput() {
        #expect(throws: EmailAddressError.tooLong) { try EmailAddress(parsing: String(repeating: "a", count: 100_000) + "@example.com") }
    }

    // MARK: identity and redaction

    @Test("Unicode and A-label spellings of a domain give the same address")
    func spellingsAreEqual() throws {
        let unicode = try EmailAddress(parsing: "Ali@مثال.مصر")
        let ascii = try EmailAddress(parsing: "Ali@XN--MGBH0FB.xn--wgbh1c")
        #expect(unicode == ascii)
        #expect(unicode.normalized == "Ali@xn--mgbh0fb.xn--wgbh1c")
        #expect(try EmailAddress(parsing: "ali@مثال.مصر") != unicode) // local part case is kept
    }

    @Test("description, debug description and dump never show the address")
    func redacted() throws {
        let email = try EmailAddress(parsing: "secret.person@مثال.مصر")
        var dumped = ""
        dump(email, to: &dumped)
        for text in [email.description, "\(email)", String(describing: email), String(reflecting: email), dumped, "\([email])"] {
            #expect(!text.contains("secret"))
            #expect(!text.contains("مثال"))
            #expect(!text.contains("xn--"))
        }
        #expect(email.description == "<redacted email>")
    }

    @Test("error codes are unique snake_case and descriptions are non-empty")
    func errorCodes() {
        let codes = EmailAddressError.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for error in EmailAddressError.allCases {
            #expect(error.code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(error.code)")
            #expect(!error.description.isEmpty)
        }
        for code in ["missing_at", "local_part_too_long", "quoted_local_part", "ip_literal", "special_use_domain",
                     "domain_needs_dot", "invalid_domain", "invalid_local_part", "too_long", "empty"] {
            #expect(codes.contains(code), "\(code)")
        }
    }
}
