import Foundation

/// IDNA-ish ToASCII / ToUnicode for domain names: NFC + lower-case per label, the
/// IDNA dot equivalents, Punycode for non-ASCII labels, and the checks in `IDNALabelRules`.
///
/// Not a full UTS #46 implementation (no mapping tables: e.g. full-width letters are
/// refused rather than mapped, ZWJ/ZWNJ are refused, the Bidi rule is not checked). For
/// mailbox domains that is the safe direction: anything odd is rejected, never rewritten.
public enum IDNA {
    /// Longest label, in octets of its A-label form (RFC 1035 §2.3.4).
    public static let maximumLabelLength = 63
    /// Longest domain, in octets of its A-label form, without a trailing root dot
    /// (RFC 1035's 255 minus the length octets).
    public static let maximumDomainLength = 253

    /// The A-label (ASCII, `xn--`) form, lower-cased: `"nic.مصر"` → `"nic.xn--wgbh1c"`.
    public static func toASCII(_ domain: String) throws(IDNAError) -> String {
        try convert(domain).ascii
    }

    /// The U-label (Unicode) form, lower-cased NFC: `"NIC.XN--WGBH1C"` → `"nic.مصر"`.
    public static func toUnicode(_ domain: String) throws(IDNAError) -> String {
        try convert(domain).unicode
    }

    /// Both forms in one pass. A trailing root dot is not accepted (a mailbox domain never
    /// carries one), nor is any empty label.
    static func convert(_ domain: String) throws(IDNAError) -> (ascii: String, unicode: String) {
        if let ascii = try asciiHostName(domain) { return (ascii, ascii) }
        return try convertByLabel(domain)
    }

    /// The general path, for any domain; `convert` gives the same result or error for every input
    /// (a differential test checks).
    static func convertByLabel(_ domain: String) throws(IDNAError) -> (ascii: String, unicode: String) {
        // Split on scalars: a combining mark after a dot must not glue two labels together.
        let labels = mapDotEquivalents(domain).unicodeScalars.split(separator: ".", omittingEmptySubsequences: false)
        var asciiLabels: [String] = []
        var unicodeLabels: [String] = []
        asciiLabels.reserveCapacity(labels.count)
        unicodeLabels.reserveCapacity(labels.count)
        for label in labels {
            let converted = try convertLabel(String(String.UnicodeScalarView(label)))
            guard converted.ascii.utf8.count <= maximumLabelLength else { throw .labelTooLong }
            asciiLabels.append(converted.ascii)
            unicodeLabels.append(converted.unicode)
        }
        let ascii = asciiLabels.joined(separator: ".")
        guard ascii.utf8.count <= maximumDomainLength else { throw .domainTooLong }
        return (ascii, unicodeLabels.joined(separator: "."))
    }

    /// The usual domain, plain ASCII without A-labels, checked over its bytes with the same rules
    /// and in the same order as `convertLabel`; nil for anything else, which takes the general path.
    /// (The general path's scalar splitting and per-label strings were half of parsing an address.)
    private static func asciiHostName(_ domain: String) throws(IDNAError) -> String? {
        guard domain.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lower = domain.lowercased()
        let labels = lower.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !labels.contains(where: { $0.starts(with: "xn--".utf8) }) else { return nil }
        for label in labels {
            guard !label.isEmpty else { throw .emptyLabel }
            guard label.allSatisfy({ IDNALabelRules.isLDH(Unicode.Scalar($0)) }) else { throw .disallowedCharacter }
            guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { throw .hyphenPlacement }
            guard label.count <= maximumLabelLength else { throw .labelTooLong }
        }
        guard lower.utf8.count <= maximumDomainLength else { throw .domainTooLong }
        return lower
    }

    /// U+3002 IDEOGRAPHIC FULL STOP, U+FF0E FULLWIDTH FULL STOP and U+FF61 HALFWIDTH
    /// IDEOGRAPHIC FULL STOP separate labels like "." (UTS #46, RFC 3490 §3.1). CJK and
    /// Japanese keyboards type them. The Arabic full stop (U+06D4) is *not* one of them.
    static func mapDotEquivalents(_ domain: String) -> String {
        guard domain.unicodeScalars.contains(where: isDotEquivalent) else { return domain }
        var scalars = String.UnicodeScalarView()
        for scalar in domain.unicodeScalars {
            scalars.append(isDotEquivalent(scalar) ? "." : scalar)
        }
        return String(scalars)
    }

    private static func isDotEquivalent(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}"
    }

    private static func convertLabel(_ label: String) throws(IDNAError) -> (ascii: String, unicode: String) {
        guard !label.isEmpty else { throw .emptyLabel }
        let canonical = canonicalForm(label)

        if canonical.unicodeScalars.allSatisfy(\.isASCII) {
            if canonical.hasPrefix("xn--") {
                return (canonical, try decodeALabel(canonical))
            }
            guard canonical.unicodeScalars.allSatisfy(IDNALabelRules.isLDH) else { throw .disallowedCharacter }
            guard !canonical.hasPrefix("-"), !canonical.hasSuffix("-") else { throw .hyphenPlacement }
            return (canonical, canonical)
        }

        try IDNALabelRules.validateULabel(canonical)
        let encoded: String
        do { encoded = try Punycode.encode(canonical) } catch { throw .disallowedCharacter }
        return ("xn--" + encoded, canonical)
    }

    /// Lower-case then NFC (lower-casing can produce decomposed sequences, e.g. "İ" → "i̇").
    private static func canonicalForm(_ label: String) -> String {
        // ASCII is always NFC; skip the Foundation round trip for the common case.
        if label.utf8.allSatisfy({ $0 < 0x80 }) { return label.lowercased() }
        return label.lowercased().precomposedStringWithCanonicalMapping
    }

    /// An A-label is only accepted when it is exactly what we would produce for its
    /// U-label: valid Punycode, at least one non-ASCII character, already canonical,
    /// valid under our rules, and encoding back to the same ASCII. This refuses e.g.
    /// `xn--example` (decodes to an upper-case "Ωίθηδ") and `xn--abc-` (plain "abc").
    private static func decodeALabel(_ aLabel: String) throws(IDNAError) -> String {
        let payload = String(aLabel.dropFirst(4))
        let decoded: String
        do { decoded = try Punycode.decode(payload) } catch { throw .invalidALabel }
        guard decoded.unicodeScalars.contains(where: { !$0.isASCII }),
              // Compare scalars: String == would treat NFD and NFC as equal.
              canonicalForm(decoded).unicodeScalars.elementsEqual(decoded.unicodeScalars)
        else { throw .invalidALabel }
        do { try IDNALabelRules.validateULabel(decoded) } catch { throw .invalidALabel }
        guard (try? Punycode.encode(decoded)) == payload else { throw .invalidALabel }
        return decoded
    }
}
