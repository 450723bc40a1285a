import Foundation

/// Checks every field of a submission and collects all the errors at once, so a person
/// fixes the form in one go. Pure: it never looks at the database (the parent's existence
/// is checked by the store, inside the write).
public struct SubmissionValidator: Sendable {
    public let limits: FieldLimits
    /// The longest post key accepted (slug, id or URL path).
    public static let postKeyLimit = 200

    public init(limits: FieldLimits) {
        self.limits = limits
    }

    public func validate(_ submission: Submission) throws(ValidationFailure) -> ValidatedSubmission {
        var errors: [CommentField: FieldError] = [:]

        let post = check(submission.post, limit: Self.postKeyLimit, allowNewlines: false, field: .post, errors: &errors)
        if let post, post.unicodeScalars.contains(where: \.properties.isWhitespace) { errors[.post] = .invalidPost }

        var parentID: Int64?
        if let raw = submission.parent?.trimmingWhitespace(), !raw.isEmpty, raw != "0" {
            if let id = Int64(raw), id > 0, raw.allSatisfy(\.isASCII) { parentID = id } else { errors[.parent] = .invalidParent }
        }

        let name = check(submission.name, limit: limits.name, allowNewlines: false, field: .name, errors: &errors)

        var email: EmailAddress?
        if let raw = check(submission.email, limit: limits.email, allowNewlines: false, field: .email, errors: &errors) {
            do { email = try EmailAddress(parsing: raw) } catch { errors[.email] = .invalidEmail(error) }
        }

        var url: String?
        if let raw = submission.url?.trimmingWhitespace(), !raw.isEmpty {
            if raw.count > limits.url {
                errors[.url] = .tooLong(limit: limits.url)
            } else if Self.containsControl(raw, allowNewlines: false) {
                errors[.url] = .controlCharacters
            } else if !Self.isWebURL(raw) {
                errors[.url] = .invalidURL
            } else {
                url = raw
            }
        }

        var body: String?
        if let raw = submission.body, !raw.isEmpty {
            if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || Self.isInvisible($0) }) {
                errors[.body] = .blank
            } else if raw.count > limits.body {
                errors[.body] = .tooLong(limit: limits.body)
            } else if Self.containsControl(raw, allowNewlines: true) {
                errors[.body] = .controlCharacters
            } else {
                body = raw
            }
        } else {
            errors[.body] = .required
        }

        guard errors.isEmpty, let post, let name, let email, let body else {
            throw ValidationFailure(fields: errors)
        }
        return ValidatedSubmission(
            postKey: post, parentID: parentID, name: name, email: email, url: url, body: body,
            extraFields: submission.extraFields, formTiming: submission.formTiming)
    }

    /// Required single-value field: trimmed, non-empty, within the limit, no control characters.
    private func check(_ value: String?, limit: Int, allowNewlines: Bool, field: CommentField, errors: inout [CommentField: FieldError]) -> String? {
        guard let value else { errors[field] = .required; return nil }
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty { errors[field] = value.isEmpty ? .required : .blank; return nil }
        if trimmed.count > limit { errors[field] = .tooLong(limit: limit); return nil }
        if Self.containsControl(trimmed, allowNewlines: allowNewlines) { errors[field] = .controlCharacters; return nil }
        if trimmed.unicodeScalars.allSatisfy(Self.isInvisible) { errors[field] = .blank; return nil }
        return trimmed
    }

    /// Zero-width and bidi format characters: a field made only of them is blank to a reader.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2060, 0xFEFF, 0x00AD, 0x034F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// C0 controls (NUL included), DEL and C1 controls. Newline, carriage return (forms send
    /// CRLF, HTML §4.10.21.8) and tab are allowed where text may span lines.
    static func containsControl(_ text: String, allowNewlines: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: !allowNewlines
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
    }

    /// An absolute http(s) URL with a host; no credentials (`http://user@evil`) and no spaces.
    static func isWebURL(_ text: String) -> Bool {
        // Characters RFC 3986 never allows unencoded, and that break out of an HTML attribute
        // if a theme prints the website without escaping it.
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || "\"<>\\`{}|^".unicodeScalars.contains($0) }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil
        else { return false }
        return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
    }
}
