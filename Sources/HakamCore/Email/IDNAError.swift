/// Why a domain name failed `IDNA.toASCII` / `IDNA.toUnicode`.
public enum IDNAError: Error, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// The name is empty, or has an empty label (leading, trailing or doubled dot).
    case emptyLabel
    /// A label is longer than 63 octets in its A-label (ASCII) form.
    case labelTooLong
    /// The whole name is longer than 253 octets in A-label form.
    case domainTooLong
    /// A label starts or ends with `-`, or a U-label has `--` in positions 3–4.
    case hyphenPlacement
    /// A label contains a character IDNA does not allow in host names (symbols,
    /// punctuation, spaces, controls, compatibility characters, joiners, …).
    case disallowedCharacter
    /// A label starts with a combining mark (RFC 5891 §4.2.3.2).
    case leadingCombiningMark
    /// An `xn--` label is not valid Punycode, or does not decode to a valid, lower-case,
    /// NFC U-label that encodes back to the same A-label.
    case invalidALabel

    public var description: String {
        switch self {
        case .emptyLabel: "empty domain label"
        case .labelTooLong: "domain label longer than 63 octets"
        case .domainTooLong: "domain longer than 253 octets"
        case .hyphenPlacement: "hyphen at the start or end of a domain label"
        case .disallowedCharacter: "character not allowed in a domain name"
        case .leadingCombiningMark: "domain label starts with a combining mark"
        case .invalidALabel: "invalid internationalized (xn--) label"
        }
    }
}
