import Foundation
import HakamCore
import Hummingbird

/// Turns a request body into a `Submission`, for the JSON API and the WordPress form.
enum SubmissionDecoder {
    enum Format { case json, form }

    static func format(of request: Request) throws(APIError) -> Format {
        let mediaType = request.headers[.contentType]?
            .split(separator: ";").first?
            .trimmingBlanks().lowercased()
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

    /// A flat name → string map (`SubmissionFields`), its failures as API errors.
    private static func fields(from bytes: [UInt8], format: Format) throws(APIError) -> [String: String] {
        do {
            switch format {
            case .form: return try SubmissionFields.form(bytes)
            case .json: return try SubmissionFields.json(bytes)
            }
        } catch .invalidUTF8 {
            throw .invalidUTF8
        } catch .duplicateKey {
            throw .duplicateKey
        } catch {
            throw .malformedBody
        }
    }
}
