/// The parts of a comment the classifier reads. The email and the client address are not among
/// them: the model must never hold private data.
public struct ClassifierInput: Sendable {
    public var name: String
    public var url: String?
    public var body: String

    public init(name: String = "", url: String? = nil, body: String) {
        self.name = name
        self.url = url
        self.body = body
    }

    public init(_ comment: ValidatedSubmission) {
        self.init(name: comment.name, url: comment.url, body: comment.body)
    }
}
