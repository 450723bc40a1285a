/// A submission whose every field passed validation. Text fields are stored verbatim
/// (name and url trimmed of surrounding whitespace; the body exactly as sent).
public struct ValidatedSubmission: Sendable {
    public let postKey: String
    public let parentID: Int64?
    public let name: String
    public let email: EmailAddress
    public let url: String?
    public let body: String
    public let extraFields: [String: String]
    public let formTiming: FormTiming
    /// The body in its matching form (`TextFolding` with the default options), folded once here
    /// and reused by the word lists, the classifier's features and the duplicate digest.
    public let foldedBody: FoldedText

    public init(postKey: String, parentID: Int64?, name: String, email: EmailAddress, url: String?, body: String, extraFields: [String: String] = [:], formTiming: FormTiming = .missing) {
        self.postKey = postKey
        self.parentID = parentID
        self.name = name
        self.email = email
        self.url = url
        self.body = body
        self.extraFields = extraFields
        self.formTiming = formTiming
        self.foldedBody = TextFolding().fold(body)
    }
}
