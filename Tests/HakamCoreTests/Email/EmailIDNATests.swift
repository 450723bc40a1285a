import Testing
@testable import HakamCore

@Suite("Email IDNA ToASCII / ToUnicode")
struct EmailIDNATests {
    @Test("converts between Unicode and A-label forms", arguments: [
        ("nic.مصر", "nic.xn--wgbh1c"),
        ("مثال.مصر", "xn--mgbh0fb.xn--wgbh1c"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ("παράδειγμα.δοκιμή", "xn--hxajbheg2az3al.xn--jxalpdlp"),
        ("faß.de", "xn--fa-hia.de"),
        ("example.com", "example.com"),
    ])
    func converts(_ unicode: String, _ ascii: String) throws {
        #expect(try IDNA.toASCII(unicode) == ascii)
        #expect(try IDNA.toUnicode(ascii).unicodeScalars.elementsEqual(unicode.unicodeScalars))
        // Both directions are idempotent.
        #expect(try IDNA.toASCII(ascii) == ascii)
        #expect(try IDNA.toUnicode(unicode).unicodeScalars.elementsEqual(unicode.unicodeScalars))
    }

    @Test("lower-cases, normalises to NFC and maps the IDNA dots")
    func canonicalises() throws {
        #expect(try IDNA.toASCII("EXAMPLE.COM") == "example.com")
        #expect(try IDNA.toASCII("BÜCHER.de") == "xn--bcher-kva.de")
        #expect(try IDNA.toASCII("bu\u{308}cher.de") == "xn--bcher-kva.de")
        #expect(try IDNA.toASCII("a\u{3002}b\u{FF0E}c\u{FF61}d") == "a.b.c.d")
        #expect(try IDNA.toUnicode("XN--WGBH1C") == "مصر")
    }

    @Test("refuses bad names", arguments: [
        ("", IDNAError.emptyLabel),
        ("a..b", .emptyLabel),
        ("a.b.", .emptyLabel),
        ("-a.b", .hyphenPlacement),
        ("a-.b", .hyphenPlacement),
        ("a_b.c", .disallowedCharacter),
        ("a b.c", .disallowedCharacter),
        ("☺.com", .disallowedCharacter),
        ("ｅｘａｍｐｌｅ.com", .disallowedCharacter),
        ("\u{301}a.com", .leadingCombiningMark),
        ("xn--example.com", .invalidALabel),
        ("xn--abc-.com", .invalidALabel),
        (String(repeating: "a", count: 64) + ".com", .labelTooLong),
        ((0..<4).map { _ in String(repeating: "d", count: 62) }.joined(separator: ".") + ".com", .domainTooLong),
    ])
    func refuses(_ domain: String, _ error: IDNAError) {
        #expect(throws: error) { try IDNA.toASCII(domain) }
    }

    /// `convert`'s ASCII fast path against the general path: the same forms or the same error,
    /// for random ASCII names built from the characters that decide the rules.
    @Test func asciiFastPathAgreesWithTheGeneralPath() {
        func outcome(_ body: () throws(IDNAError) -> (ascii: String, unicode: String)) -> String {
            do { let forms = try body(); return "\(forms.ascii)|\(forms.unicode)" } catch { return "error: \(error)" }
        }
        let alphabet = Array("aZ9-._xn-.-A ~\u{7F}")
        var generator = SplitMix64(seed: 7)
        let fixed = ["a.b", "-a.b", "a-.b", "a..b", ".a", "a.", "", "xn--wgbh1c.com", "XN--WGBH1C.com", "ab--cd.com",
                     String(repeating: "a", count: 63) + ".com", String(repeating: "a", count: 64) + ".com",
                     Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: "."), "-_.x", "a_-.b"]
        let random = (0..<5_000).map { _ in
            String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for domain in fixed + random {
            #expect(outcome { () throws(IDNAError) in try IDNA.convert(domain) } == outcome { () throws(IDNAError) in try IDNA.convertByLabel(domain) },
                    "\(domain.debugDescription)")
        }
    }
}
