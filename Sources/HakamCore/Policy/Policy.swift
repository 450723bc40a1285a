/// The moderation policy: typed, validated, loaded once (see `PolicyLoader`) and passed around
/// as a value. The top-level keys are a contract (DESIGN.md §3); the rest is documented in
/// `Policies/default.yml`.
public struct Policy: Sendable {
    public var moderation: ModerationMode
    public var limits: FieldLimits
    public var thresholds: Thresholds
    public var flood: FloodSettings
    public var rateLimit: RateLimitSettings
    /// CIDRs whose `X-Forwarded-For` is believed.
    public var trustedProxies: [IPNetwork]
    /// Site origins (`https://news.example`) allowed for CORS and `redirect_to`.
    public var allowedOrigins: [String]
    /// Post keys that take no more comments (403).
    public var closedPosts: Set<String>
    public var links: LinkSettings
    public var duplicates: DuplicateSettings
    public var wordLists: [WordListSettings]
    public var domainLists: [DomainListSettings]
    public var rules: RuleWeights
    public var formTiming: FormTimingSettings
    /// The learned spam model's rule (`classifier.spam`).
    public var classifier: ClassifierSettings
    /// Who is told of held comments, decisions and bans (`notifications`).
    public var notifications: NotificationSettings = .init()
    /// Sites that keep a copy of the approved comments (`publishing`).
    public var publishing: PublishingSettings = .init()
    /// Fingerprint of the loaded files, stored with every verdict.
    public var version: String
    /// Caching of the public comment lists (`public_cache`).
    public var publicCache = PublicCacheSettings()

    public init(
        moderation: ModerationMode = .firstTime, limits: FieldLimits = .init(), thresholds: Thresholds = .init(),
        flood: FloodSettings = .init(), rateLimit: RateLimitSettings = .init(), trustedProxies: [IPNetwork] = [],
        allowedOrigins: [String] = [], closedPosts: Set<String> = [], links: LinkSettings = .init(),
        duplicates: DuplicateSettings = .init(), wordLists: [WordListSettings] = [], domainLists: [DomainListSettings] = [],
        rules: RuleWeights = .init(), formTiming: FormTimingSettings = .init(), version: String = "builtin",
        classifier: ClassifierSettings = .init()
    ) {
        self.moderation = moderation
        self.limits = limits
        self.thresholds = thresholds
        self.flood = flood
        self.rateLimit = rateLimit
        self.trustedProxies = trustedProxies
        self.allowedOrigins = allowedOrigins
        self.closedPosts = closedPosts
        self.links = links
        self.duplicates = duplicates
        self.wordLists = wordLists
        self.domainLists = domainLists
        self.rules = rules
        self.formTiming = formTiming
        self.classifier = classifier
        self.version = version
    }
}

/// Who gets held for a moderator regardless of score.
public enum ModerationMode: String, Sendable, CaseIterable {
    /// Every comment waits for a moderator.
    case all
    /// An author's comments wait until one of theirs has been approved (WordPress's default).
    case firstTime = "first_time"
    /// Only the rules decide.
    case none
}

/// Score thresholds: a summed score at or above `hold` is held, and so on.
public struct Thresholds: Sendable, Equatable {
    public var hold: Double
    public var spam: Double
    public var trash: Double
    public init(hold: Double = 5, spam: Double = 10, trash: Double = 20) {
        self.hold = hold
        self.spam = spam
        self.trash = trash
    }
}

/// Minimum time between two comments of the same author (email hash) or address (IP hash).
public struct FloodSettings: Sendable, Equatable {
    public var enabled: Bool
    public var minIntervalSeconds: Double
    /// Comments per minute on one post above which new ones are held (0: off). A burst on one
    /// article is how a bot network piles in; a viral article may need a higher number.
    public var postBurstPerMinute: Int
    public init(enabled: Bool = true, minIntervalSeconds: Double = 15, postBurstPerMinute: Int = 0) {
        self.enabled = enabled
        self.minIntervalSeconds = minIntervalSeconds
        self.postBurstPerMinute = postBurstPerMinute
    }
}

/// Requests per minute a client address may send to the submit endpoints.
public struct RateLimitSettings: Sendable, Equatable {
    public var enabled: Bool
    public var requestsPerMinute: Int
    public init(enabled: Bool = true, requestsPerMinute: Int = 30) {
        self.enabled = enabled
        self.requestsPerMinute = requestsPerMinute
    }
}

/// Comments with many links wait for a moderator.
public struct LinkSettings: Sendable, Equatable {
    /// Hold a comment with this many links or more (WordPress's `comment_max_links` is 2).
    public var holdAt: Int
    public init(holdAt: Int = 2) { self.holdAt = holdAt }
}

/// Refusing the same comment twice (409).
public struct DuplicateSettings: Sendable, Equatable {
    public var enabled: Bool
    /// Added when the same text (matching form) was posted on other articles in the last 24 hours.
    public var crossPostWeight: Double
    public init(enabled: Bool = true, crossPostWeight: Double = 5) {
        self.enabled = enabled
        self.crossPostWeight = crossPostWeight
    }
}
