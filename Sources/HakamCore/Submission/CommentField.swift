/// The fields of a comment, named as in the JSON API.
public enum CommentField: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    case post, parent, name, email, url, body
}
