/// Why one field was refused. `code` is stable (clients branch on it); the message is localized.
public enum FieldError: Sendable, Equatable {
    case required
    case blank
    case tooLong(limit: Int)
    case controlCharacters
    case invalidEmail(EmailAddressError)
    case invalidURL
    case invalidParent
    case parentNotFound
    case invalidPost

    public var code: String {
        switch self {
        case .required: "required"
        case .blank: "blank"
        case .tooLong: "too_long"
        case .controlCharacters: "control_characters"
        case .invalidEmail(let reason): "invalid_email.\(reason.code)"
        case .invalidURL: "invalid_url"
        case .invalidParent: "invalid_parent"
        case .parentNotFound: "parent_not_found"
        case .invalidPost: "invalid_post"
        }
    }
}

/// All the field errors of one submission; thrown by validation so nothing is stored.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var fields: [CommentField: FieldError]
    public init(fields: [CommentField: FieldError]) { self.fields = fields }
}
