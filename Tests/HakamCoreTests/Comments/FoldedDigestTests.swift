@testable import HakamCore
import Testing

/// The folded digest is stored with every comment and compared with later ones: the scalar-based
/// implementation must give what the original `Character`-based one gave.
@Suite struct FoldedDigestTests {
    static func reference(_ body: String) -> String {
        let folded = TextFolding().fold(body).text
        let words = folded.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
        return SHA256Digest.hex(words.joined(separator: " "))
    }

    @Test(arguments: [
        "شكرا على هذا المقال الرائع", "  مَرْحَبًا   بكم!! في   الموقع... ", "Hello, WORLD — it's a test; isn't it?",
        "(قوسين) «اقتباس» “quote” ‘single’ - dash_under", "emoji 😀👍🏽 and 🇸🇦 flags", "tab\tand\nnewlines\r\n",
        "", "   ", "!!!", "مـــرحـــبا", "ک ی ہ ۀ ١٢٣ ۴۵۶", "zero\u{200B}width\u{200D}join", "a\u{0301}ccent é",
    ])
    func matchesTheCharacterBasedDefinition(_ body: String) {
        #expect(BodyDigest.folded(body) == Self.reference(body))
    }

    @Test func theSeparatorTableAgreesWithTheUnicodePropertiesForEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            let punctuation = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                               .initialPunctuation, .finalPunctuation, .otherPunctuation].contains(category)
            if BodyDigest.isSeparator(scalar) != (scalar.properties.isWhitespace || punctuation) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
