import Foundation
import HakamCore

/// A comment from another system, ready to store: public text plus already protected private
/// data (hashes and the sealed email, never plaintext), and where it came from.
public struct ImportedComment: Sendable {
    /// The exporting site and the comment's id there: importing it again adds nothing.
    public var source: String
    public var sourceID: String
    /// The parent's id at the source; linked when both are here, in whichever order they came.
    public var sourceParentID: String?
    public var postKey: String
    /// Empty becomes "Anonymous", as after `hakam forget`.
    public var name: String
    public var url: String?
    public var body: String
    public var status: CommentStatus
    public var emailHash: String?
    public var emailSealed: Data?
    public var ipHash: String?
    public var createdAt: Date

    public init(
        source: String, sourceID: String, sourceParentID: String?, postKey: String, name: String, url: String?,
        body: String, status: CommentStatus, emailHash: String?, emailSealed: Data?, ipHash: String?, createdAt: Date
    ) {
        self.source = source
        self.sourceID = sourceID
        self.sourceParentID = sourceParentID
        self.postKey = postKey
        self.name = name
        self.url = url
        self.body = body
        self.status = status
        self.emailHash = emailHash
        self.emailSealed = emailSealed
        self.ipHash = ipHash
        self.createdAt = createdAt
    }
}
