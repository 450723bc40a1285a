import Foundation
import HakamCore

/// A reference decoder for `SubmissionFields.json`, built on Foundation's `JSONDecoder`: the oracle of
/// `SubmissionFieldsJSONDifferentialTests`, and the baseline of `Benchmarks/SubmissionJSONBenchmark`
/// (which links this file), never in the product.
public enum FoundationJSONFields {
    public static func json(_ bytes: [UInt8]) throws(SubmissionFields.Failure) -> [String: String] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        let object: [String: FieldValue]
        do { object = try JSONDecoder().decode([String: FieldValue].self, from: Data(bytes)) } catch { throw .malformed }
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

    /// One top-level JSON value, as far as the submit API cared.
    enum FieldValue: Decodable {
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
}

/// What a decoder made of a body: the fields, or the failure. Equatable, so two decoders can be compared.
public enum JSONFieldsOutcome: Equatable, Sendable, CustomStringConvertible {
    case fields([String: String])
    case failure(SubmissionFields.Failure)

    public init(_ decode: ([UInt8]) throws(SubmissionFields.Failure) -> [String: String], _ bytes: [UInt8]) {
        do { self = .fields(try decode(bytes)) } catch { self = .failure(error) }
    }

    public var description: String {
        switch self {
        case .fields(let fields): return "fields(\(fields.sorted { $0.key < $1.key }))"
        case .failure(let failure): return "\(failure)"
        }
    }
}
