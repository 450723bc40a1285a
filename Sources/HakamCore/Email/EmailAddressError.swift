/// Why a string is not an address Hakam accepts. `code` is stable (API clients and the
/// localized messages branch on it); `description` is a short English explanation that
/// never repeats the address.
public enum EmailAddressError: Error, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// Longer than 254 octets (measured with the A-label domain), or absurdly long input.
    case tooLong
    /// A control character (including CR/LF: a line break in an address is a header
    /// injection attempt, not a typing slip).
    case controlCharacter
    /// `Name <address>` — only the bare address is accepted.
    case displayName
    /// An RFC 5322 comment `(…)`.
    case comment
    /// Whitespace inside the address (surrounding spaces are trimmed, not refused).
    case whitespace
    /// No `@`.
    case missingAt
    /// Nothing before the `@`.
    case missingLocalPart
    /// Nothing after the `@`.
    case missingDomain
    /// A quoted local part (`"john doe"@…`), legal in RFC 5321 but not a public mailbox.
    case quotedLocalPart
    /// The local part is not a dot-atom of allowed characters (or has a second `@`).
    case invalidLocalPart
    /// The local part is longer than 64 octets of UTF-8.
    case localPartTooLong
    /// An address literal such as `[127.0.0.1]` instead of a domain.
    case ipLiteral
    /// The domain has an empty label, a bad hyphen, or a character not allowed in host names.
    case invalidDomain
    /// An `xn--` label that is not a valid internationalized label.
    case invalidIDN
    /// A domain label longer than 63 octets (A-label form).
    case domainLabelTooLong
    /// A domain longer than 253 octets (A-label form).
    case domainTooLong
    /// A single-label domain (`user@localhost`, `test@io`): no public mailbox lives there.
    case domainNeedsDot
    /// The top-level label is all digits (`a@example.123`, `a@1.2.3.4`).
    case numericTopLevelDomain
    /// A special-use name (RFC 6761/6762/7686/9476): `.test`, `.invalid`, `.localhost`,
    /// `.local`, `.onion`, `.arpa`, `.alt`.
    case specialUseDomain

    /// Stable snake_case identifier, e.g. `"missing_at"`.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .tooLong: "too_long"
        case .controlCharacter: "control_character"
        case .displayName: "display_name"
        case .comment: "comment"
        case .whitespace: "whitespace"
        case .missingAt: "missing_at"
        case .missingLocalPart: "missing_local_part"
        case .missingDomain: "missing_domain"
        case .quotedLocalPart: "quoted_local_part"
        case .invalidLocalPart: "invalid_local_part"
        case .localPartTooLong: "local_part_too_long"
        case .ipLiteral: "ip_literal"
        case .invalidDomain: "invalid_domain"
        case .invalidIDN: "invalid_idn"
        case .domainLabelTooLong: "domain_label_too_long"
        case .domainTooLong: "domain_too_long"
        case .domainNeedsDot: "domain_needs_dot"
        case .numericTopLevelDomain: "numeric_tld"
        case .specialUseDomain: "special_use_domain"
        }
    }

    public var description: String {
        switch self {
        case .empty: "the address is empty"
        case .tooLong: "the address is longer than 254 octets"
        case .controlCharacter: "the address contains a control character or line break"
        case .displayName: "write the address alone, without a display name"
        case .comment: "comments in parentheses are not accepted"
        case .whitespace: "the address contains whitespace"
        case .missingAt: "the address needs an @"
        case .missingLocalPart: "there is nothing before the @"
        case .missingDomain: "there is nothing after the @"
        case .quotedLocalPart: "quoted local parts are not accepted"
        case .invalidLocalPart: "the part before the @ contains characters or dots that are not allowed"
        case .localPartTooLong: "the part before the @ is longer than 64 octets"
        case .ipLiteral: "an IP address instead of a domain is not accepted"
        case .invalidDomain: "the domain is not a valid host name"
        case .invalidIDN: "the domain has an invalid internationalized (xn--) label"
        case .domainLabelTooLong: "a part of the domain is longer than 63 octets"
        case .domainTooLong: "the domain is longer than 253 octets"
        case .domainNeedsDot: "the domain needs a dot, like example.com"
        case .numericTopLevelDomain: "the domain cannot end in a number"
        case .specialUseDomain: "this domain is reserved and receives no mail"
        }
    }

    /// How a domain failure reads for an address.
    init(_ error: IDNAError) {
        switch error {
        case .emptyLabel, .hyphenPlacement, .disallowedCharacter, .leadingCombiningMark: self = .invalidDomain
        case .labelTooLong: self = .domainLabelTooLong
        case .domainTooLong: self = .domainTooLong
        case .invalidALabel: self = .invalidIDN
        }
    }
}
