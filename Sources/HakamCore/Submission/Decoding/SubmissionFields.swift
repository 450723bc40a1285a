import Foundation

/// A request body's bytes as a flat field name → text map, for JSON and form bodies alike.
/// Pure (no HTTP types), so the libFuzzer targets in `Fuzz/` exercise exactly what the endpoints run.
public enum SubmissionFields {
    public enum Failure: Error, Sendable, Equatable {
        case invalidUTF8
        case malformed
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

    /// A JSON object. Numbers are accepted for `post` and `parent` (ids); any other non-string
    /// value of a comment field is malformed; other keys with non-string values are ignored.
    public static func json(_ bytes: [UInt8]) throws(Failure) -> [String: String] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        let object: [String: JSONFieldValue]
        do { object = try JSONDecoder().decode([String: JSONFieldValue].self, from: Data(bytes)) } catch { throw .malformed }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .string(let string):
                fields[key] = string
            case .null:
                continue
            case .integer(let integer) where key == "post" || key == "parent":
                fields[key] = String(integer)
            default:
                if CommentField(rawValue: key) != nil { throw .malformed }
            }
        }
        return fields
    }
}

/// One top-level JSON value, as far as the submit API cares.
enum JSONFieldValue: Decodable {
    case string(String)
    case integer(Int64)
    case null
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let string = try? container.decode(String.self) { self = .string(string); return }
        if (try? container.decode(Bool.self)) != nil { self = .other; return }
        if let integer = try? container.decode(Int64.self) { self = .integer(integer); return }
        self = .other
    }
}
