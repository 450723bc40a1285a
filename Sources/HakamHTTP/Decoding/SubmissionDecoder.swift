import Foundation
import HakamCore
import Hummingbird

/// Turns a request body into a `Submission`, for the JSON API and the WordPress form.
enum SubmissionDecoder {
    enum Format { case json, form }

    static func format(of request: Request) throws(APIError) -> Format {
        let mediaType = request.headers[.contentType]?
            .split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        switch mediaType {
        case "application/json": return .json
        case "application/x-www-form-urlencoded": return .form
        default: throw .unsupportedMediaType
        }
    }

    /// `POST /comments`: JSON object or form with the API's field names.
    static func apiSubmission(from bytes: [UInt8], format: Format) throws(APIError) -> Submission {
        let fields = try self.fields(from: bytes, format: format)
        var submission = Submission(
            post: fields["post"], parent: fields["parent"], name: fields["name"], email: fields["email"],
            url: fields["url"], body: fields["body"])
        submission.extraFields = fields.filter { CommentField(rawValue: $0.key) == nil }
        return submission
    }

    /// `POST /wp-comments-post.php`: WordPress's field names.
    static func wordPressSubmission(from bytes: [UInt8]) throws(APIError) -> (Submission, redirectTo: String?) {
        let fields = try self.fields(from: bytes, format: .form)
        let known: Set<String> = ["author", "email", "url", "comment", "comment_post_ID", "comment_parent", "redirect_to"]
        var submission = Submission(
            post: fields["comment_post_ID"], parent: fields["comment_parent"], name: fields["author"],
            email: fields["email"], url: fields["url"], body: fields["comment"])
        submission.extraFields = fields.filter { !known.contains($0.key) }
        return (submission, fields["redirect_to"])
    }

    /// A flat name → string map. Numbers are accepted for `post` and `parent` (ids); any other
    /// non-string value is a malformed body. For repeated form fields the first one wins.
    private static func fields(from bytes: [UInt8], format: Format) throws(APIError) -> [String: String] {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        switch format {
        case .form:
            let pairs: [(name: String, value: String)]
            do { pairs = try FormURLEncoded.parse(bytes) } catch .invalidUTF8 { throw .invalidUTF8 } catch { throw .malformedBody }
            var fields: [String: String] = [:]
            for pair in pairs where fields[pair.name] == nil { fields[pair.name] = pair.value }
            return fields
        case .json:
            let object: [String: JSONFieldValue]
            do { object = try JSONDecoder().decode([String: JSONFieldValue].self, from: Data(bytes)) } catch { throw .malformedBody }
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
                    if CommentField(rawValue: key) != nil { throw .malformedBody }
                }
            }
            return fields
        }
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
