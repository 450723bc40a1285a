import Foundation

/// A syntactically valid public mailbox address, in the form Hakam hashes and seals.
///
/// The policy is the practical one for a comment form, not everything RFC 5322 allows:
/// surrounding spaces/tabs are trimmed; the local part is a dot-atom (RFC 5321/5322 `atext`,
/// plus non-ASCII letters, marks and digits as RFC 6531 allows), at most 64 octets; the
/// domain is a host name of at least two labels, in Unicode or `xn--` form (IDNA); the
/// whole address is at most 254 octets with the A-label domain. Refused: quoted local
/// parts, IP literals, comments, display names, whitespace and controls inside, single-label
/// domains, all-numeric top-level labels and special-use names (`.test`, `.onion`, …).
/// `example.com` and friends are accepted.
///
/// `description` is redacted so an address never reaches a log by accident; use
/// `normalized` or `unicodeAddress` deliberately.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The part before the `@`, as typed (case preserved; only NFC-normalised, which
    /// changes nothing for ASCII and makes canonically equal Unicode spellings identical).
    public let localPart: String
    /// The domain in Unicode (U-label) form, lower-cased NFC: `"nic.مصر"`.
    public let domain: String
    /// The domain in A-label (Punycode `xn--`) form, lower-cased: `"nic.xn--wgbh1c"`.
    public let asciiDomain: String

    /// RFC 5321 §4.5.3.1.3: the path is limited to 256 octets including the angle brackets.
    public static let maximumOctets = 254

    /// Input longer than this is refused before any Unicode work (cheap DoS guard). It is
    /// generous because a valid Unicode domain can take more UTF-8 octets than its A-label.
    private static let maximumInputOctets = 4096

    /// `localPart@asciiDomain` — the identity that gets hashed. The local part keeps its
    /// case: RFC 5321 lets the receiving host treat `John` and `john` as different mailboxes.
    public var normalized: String { localPart + "@" + asciiDomain }

    /// `localPart@domain` with the Unicode domain — the human-readable form (what is sealed
    /// and shown to a moderator who reveals it).
    public var unicodeAddress: String { localPart + "@" + domain }

    public var description: String { "<redacted email>" }
    public var debugDescription: String { "<redacted email>" }
    // `dump()` and test failure messages go through the mirror; keep them redacted too.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Parses and normalises `raw`, or throws the first reason it is not accepted.
    public init(parsing raw: String) throws(EmailAddressError) {
        let address = Self.trimmingSurroundingBlanks(raw)
        guard !address.isEmpty else { throw .empty }
        guard address.utf8.count <= Self.maximumInputOctets else { throw .tooLong }

        let scalars = address.unicodeScalars
        // Most addresses are ASCII, where a control is below 0x20 or 0x7F and the only whitespace
        // left is the space: the Unicode property lookups cost more than the rest of the parse.
        let isASCII = address.utf8.allSatisfy { $0 < 0x80 }
        if isASCII ? address.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
                   : scalars.contains(where: { $0.properties.generalCategory == .control }) { throw .controlCharacter }
        if scalars.contains("<") || scalars.contains(">") { throw .displayName }
        if scalars.first == "\"" { throw .quotedLocalPart }
        if scalars.contains("(") || scalars.contains(")") { throw .comment }
        if isASCII ? address.utf8.contains(UInt8(ascii: " "))
                   : scalars.contains(where: { $0.properties.isWhitespace }) { throw .whitespace }

        // Split at the last '@': only a quoted local part may contain one, and those are refused.
        // Work on scalars, not Characters: a combining mark after '@' must not hide it.
        guard let at = scalars.lastIndex(of: "@") else { throw .missingAt }
        let rawLocal = String(scalars[..<at])
        let rawDomain = String(scalars[scalars.index(after: at)...])

        if rawLocal.isEmpty { throw .missingLocalPart }
        if rawLocal.unicodeScalars.contains("@") {
            throw rawLocal.unicodeScalars.contains("\"") ? .quotedLocalPart : .invalidLocalPart
        }
        if rawDomain.isEmpty { throw .missingDomain }
        if rawDomain.hasPrefix("[") { throw .ipLiteral }

        let local = rawLocal.unicodeScalars.allSatisfy(\.isASCII)
            ? rawLocal : rawLocal.precomposedStringWithCanonicalMapping
        try EmailLocalPartRules.validate(local)

        let forms: (ascii: String, unicode: String)
        do { forms = try IDNA.convert(rawDomain) } catch { throw EmailAddressError(error) }

        let asciiLabels = forms.ascii.split(separator: ".")
        guard let topLevel = asciiLabels.last else { throw .invalidDomain }
        if SpecialUseDomains.isSpecialUse(topLevelLabel: String(topLevel)) { throw .specialUseDomain }
        if asciiLabels.count < 2 { throw .domainNeedsDot }
        if topLevel.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            throw .numericTopLevelDomain
        }
        guard local.utf8.count + 1 + forms.ascii.utf8.count <= Self.maximumOctets else { throw .tooLong }

        self.localPart = local
        self.domain = forms.unicode
        self.asciiDomain = forms.ascii
    }

    /// Trims spaces and tabs (any Unicode space separator, e.g. the no-break space a phone
    /// keyboard leaves behind) — never line breaks, which are refused as control characters.
    static func trimmingSurroundingBlanks(_ raw: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        // Nothing to trim (the usual case): no new string.
        if let first = raw.utf8.first, let last = raw.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return raw
        }
        let scalars = raw.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
