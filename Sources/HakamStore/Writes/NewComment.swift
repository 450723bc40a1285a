import Foundation
import HakamCore

/// Everything the store needs to write a submitted comment: public text plus the already
/// protected private data (hashes and the sealed email — never plaintext).
public struct NewComment: Sendable {
    public var postKey: String
    public var parentID: Int64?
    public var name: String
    public var url: String?
    public var body: String
    public var emailHash: String
    public var emailSealed: Data
    public var ipHash: String?
    public var userAgent: String?
    public var bodyDigest: String
    public var createdAt: Date
    /// The email's domain (A-label form), for domain bans. Not private on its own.
    public var emailDomain: String?
    /// SHA-256 of the body's matching form, for duplicates that differ only in disguise.
    public var foldedDigest: String?
    /// How far to count the comments on the article in the last minute: the policy's burst
    /// threshold, 0 when the burst rule is off. Counting stops there, so a viral article does not
    /// make every submission read thousands of index entries.
    public var postBurstCountLimit = 1_000
    /// How far back the newest comment by the same email or address is looked up: the policy's
    /// flood interval, 0 when the flood rule is off. An older one cannot change the verdict, and
    /// bounding the look-up lets the SQLite store find it without an index over every address
    /// ever seen (migration 0013).
    public var floodWindow: TimeInterval = 24 * 3600

    /// Where the look-up of the newest comment starts: a second before the flood window, so that
    /// rounding to milliseconds never leaves out a comment the rule counts (an older one found
    /// does not change the verdict, which compares the time itself). A window longer than a year
    /// is taken as a year: SQLite searches the window day by day.
    public var floodStart: Date { createdAt.addingTimeInterval(-(min(max(0, floodWindow), Self.longestFloodWindow) + 1)) }
    public static let longestFloodWindow: TimeInterval = 366 * 86400

    public init(postKey: String, parentID: Int64?, name: String, url: String?, body: String, emailHash: String, emailSealed: Data, ipHash: String?, userAgent: String?, bodyDigest: String, createdAt: Date) {
        self.postKey = postKey
        self.parentID = parentID
        self.name = name
        self.url = url
        self.body = body
        self.emailHash = emailHash
        self.emailSealed = emailSealed
        self.ipHash = ipHash
        self.userAgent = userAgent
        self.bodyDigest = bodyDigest
        self.createdAt = createdAt
    }
}
