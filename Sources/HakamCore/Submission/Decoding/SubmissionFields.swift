/// A request body's bytes as a flat field name → text map, for JSON and form bodies alike.
/// Pure (no HTTP types), so the libFuzzer targets in `Fuzz/` exercise exactly what the endpoints run.
public enum SubmissionFields {
    public enum Failure: Error, Sendable, Equatable {
        case invalidUTF8
        case malformed
        /// A JSON object names the same member twice: refused, because another reader of the same body
        /// (a proxy, a log pipeline) may keep the other value and see another comment.
        case duplicateKey
    }

    /// `application/x-www-form-urlencoded`; for repeated fields the first one wins.
    public static func form(_ bytes: [UInt8]) throws(Failure) -> [String: String] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        let pairs: [(name: String, value: String)]
        do { pairs = try FormURLEncoded.parse(bytes) } catch .invalidUTF8 { throw .invalidUTF8 } catch { throw .malformed }
        var fields: [String: String] = [:]
        for pair in pairs where fields[pair.name] == nil { fields[pair.name] = pair.value }
        return fields
    }

    /// A JSON object. Numbers that are exact integers are accepted for `post` and `parent` (ids); any
    /// other non-string value of a comment field is malformed; other keys with non-string values are ignored.
    /// A top-level key that appears twice (compared as Swift strings, after unescaping) is `.duplicateKey`;
    /// keys inside nested values, which are skipped, are not compared.
    public static func json(_ bytes: [UInt8]) throws(Failure) -> [String: String] {
        var fields: [String: String] = [:]
        fields.reserveCapacity(8)
        // Keys whose value was not kept, so that a repeat of them is found too.
        var dropped: Set<String> = []
        try FlatJSONObjectParser.parse(bytes) { (key, value) throws(Failure) in
            guard fields[key] == nil, dropped.isEmpty || !dropped.contains(key) else { throw .duplicateKey }
            switch value {
            case .string(let string):
                fields[key] = string
            case .integer(let integer) where key == "post" || key == "parent":
                fields[key] = String(integer)
            case .null:
                dropped.insert(key)
            default:
                if CommentField(rawValue: key) != nil { throw .malformed }
                dropped.insert(key)
            }
        }
        return fields
    }
}
