/// What one batch of a key rotation re-keyed.
public struct KeyRotationBatch: Sendable, Equatable {
    /// Distinct email identities (authors) moved to the new key in this batch; 0 means none are left.
    public var identities = 0
    /// Comments whose sealed email and email hash were rewritten.
    public var comments = 0
    /// Email bans and author counters that followed their identity.
    public var emailBans = 0
    public var authors = 0
    /// The id the next batch starts after.
    public var lastID: Int64 = 0

    public init() {}
}

/// What a key rotation could not carry over, after every sealed email was re-keyed: values that are
/// HMACs of data Hakam never stores in the clear, so no key can recompute them.
public struct KeyRotationCleanup: Sendable, Equatable {
    /// Comments' IP hashes, cleared (only the flood check reads them, and only for minutes).
    public var ipHashesCleared = 0
    /// Standing IP bans, lifted: re-add them with `hakam ban --ip`.
    public var ipBansLifted: [Int64] = []
    /// Standing email bans on an address no stored comment holds (banned by address only), lifted.
    public var emailBansLifted: [Int64] = []
    /// Email hashes of comments with no sealed copy, cleared.
    public var emailHashesCleared = 0
    /// Author counters of identities no comment holds any more, deleted.
    public var authorsDropped = 0
}
