/// A comment as it arrived, before validation: raw strings exactly as decoded from the request.
public struct Submission: Sendable, Equatable {
    public var post: String?
    public var parent: String?
    public var name: String?
    public var email: String?
    public var url: String?
    public var body: String?
    /// Fields the form carries besides the comment itself (honeypot, timing token, consent…),
    /// kept for the rules that read them.
    public var extraFields: [String: String]
    /// What the form's timing token says, established by the HTTP layer (`FormTimingToken`).
    public var formTiming: FormTiming = .missing

    public init(
        post: String? = nil, parent: String? = nil, name: String? = nil, email: String? = nil,
        url: String? = nil, body: String? = nil, extraFields: [String: String] = [:]
    ) {
        self.post = post
        self.parent = parent
        self.name = name
        self.email = email
        self.url = url
        self.body = body
        self.extraFields = extraFields
    }
}

/// What the server knows about the sender besides the form. The IP is private data:
/// it is hashed before storage and never logged.
public struct ClientFacts: Sendable, Equatable {
    public var ip: String?
    public var userAgent: String?
    public var referer: String?

    public init(ip: String? = nil, userAgent: String? = nil, referer: String? = nil) {
        self.ip = ip
        self.userAgent = userAgent
        self.referer = referer
    }
}
