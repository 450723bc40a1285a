/// Why a string could not be converted to or from Punycode (RFC 3492).
public enum PunycodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The encoded form contains a character that is not a Punycode digit, a non-ASCII
    /// basic part, a truncated number, or decodes to a basic code point or a non-scalar.
    case badInput
    /// A delta or code point exceeded the RFC's `maxint` — only hostile input gets here.
    case overflow

    public var description: String {
        switch self {
        case .badInput: "malformed Punycode"
        case .overflow: "Punycode value overflow"
        }
    }
}
