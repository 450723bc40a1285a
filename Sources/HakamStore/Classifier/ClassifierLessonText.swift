import HakamCore

/// A moderated lesson whose comment still holds the text it was taught from (not purged, not
/// forgotten), so its content score can be taken again under the current policy. Only what the
/// classifier reads: no email, address or user agent.
public struct ClassifierLessonText: Sendable, Equatable {
    public var commentID: Int64
    public var name: String
    public var url: String?
    public var body: String
    /// The content score the lesson holds now; nil: stored before scores were kept.
    public var contentScore: Double?

    public init(commentID: Int64, name: String, url: String?, body: String, contentScore: Double?) {
        self.commentID = commentID
        self.name = name
        self.url = url
        self.body = body
        self.contentScore = contentScore
    }

    public var input: ClassifierInput { ClassifierInput(name: name, url: url, body: body) }
}
