/// The reasons of a verdict as the JSON array the database keeps (`comments.reasons`), written
/// directly: `JSONEncoder` is costly for an array of two or three small objects written on
/// every submission. Keys come in the order the synthesized `Codable` conformance writes
/// them, absent optionals are left out, and `JSONDecoder` reads the text back to the same
/// reasons (a test holds the two together). Unlike the encoder's default, `/` is not escaped.
public enum ReasonsJSON {
    public static func text(_ reasons: [Reason]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * reasons.count + 2)
        bytes.append(UInt8(ascii: "["))
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(reason, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ reason: Reason, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"code":"#.utf8)
        JSONText.appendString(reason.code, to: &bytes)
        bytes.append(contentsOf: #","weight":"#.utf8)
        bytes.append(contentsOf: number(reason.weight).utf8)
        if let field = reason.field {
            bytes.append(contentsOf: #","field":"#.utf8)
            JSONText.appendString(field, to: &bytes)
        }
        if let quote = reason.quote {
            bytes.append(contentsOf: #","quote":"#.utf8)
            JSONText.appendString(quote, to: &bytes)
        }
        if let minimumAction = reason.minimumAction {
            bytes.append(contentsOf: #","minimum_action":"#.utf8)
            JSONText.appendString(minimumAction.rawValue, to: &bytes)
        }
        if let detail = reason.detail {
            bytes.append(contentsOf: #","detail":"#.utf8)
            JSONText.appendString(detail, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Swift's shortest round-trip text (`0.1`, `2.0`, `1e-05`), which is valid JSON for every
    /// finite value. JSON has no infinity or NaN; a weight that is not finite (no rule makes
    /// one) is kept as 0 rather than failing the submission, as the encoder would have done.
    static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "0"
    }
}
