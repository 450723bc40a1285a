/// The parts of a comment the classifier reads. The email and the client address are not among
/// them: the model must never hold private data.
public struct ClassifierInput: Sendable {
    public var name: String
    public var url: String?
    public var body: String
    /// The body's matching form when the caller already has it (a submission's one fold); the
    /// extractor folds `body` itself when this is nil or was made with other options.
    public var foldedBody: FoldedText?

    public init(name: String = "", url: String? = nil, body: String) {
        self.name = name
        self.url = url
        self.body = body
    }

    public init(_ comment: ValidatedSubmission) {
        self.init(name: comment.name, url: comment.url, body: comment.body)
        self.foldedBody = comment.foldedBody
    }
}
