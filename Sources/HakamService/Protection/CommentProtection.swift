import Foundation
import HakamCore
import HakamStore

/// The one place private data is hashed and sealed before it reaches a store: submitted
/// comments (`SubmissionService`) and imported ones (`hakam import`) both come through here.
/// Plaintext email and IP go no further.
public struct CommentProtection: Sendable {
    public let protector: PrivacyProtector

    public init(protector: PrivacyProtector) {
        self.protector = protector
    }

    /// A validated submission as the store takes it. `now` must already be in milliseconds, as
    /// stores keep it (the moderation hash is recomputed later from the stored time).
    public func protect(_ validated: ValidatedSubmission, client: ClientFacts, at now: Date, postBurstCountLimit: Int,
                        floodWindow: TimeInterval = 24 * 3600) -> NewComment {
        var comment = NewComment(
            postKey: validated.postKey, parentID: validated.parentID, name: validated.name, url: validated.url,
            body: validated.body, emailHash: protector.emailHash(validated.email), emailSealed: protector.seal(validated.email),
            ipHash: client.ip.map(protector.ipHash), userAgent: client.userAgent.map { String($0.prefix(512)) },
            bodyDigest: BodyDigest.exact(validated.body), createdAt: now)
        comment.emailDomain = validated.email.asciiDomain
        comment.foldedDigest = BodyDigest.folded(validated.body, reusing: validated.foldedBody)
        comment.postBurstCountLimit = postBurstCountLimit
        comment.floodWindow = floodWindow
        return comment
    }

    /// An imported WordPress comment as the store takes it.
    public func protect(_ candidate: ImportCandidate) -> ImportedComment {
        ImportedComment(
            source: candidate.site.isEmpty ? "unknown-site" : candidate.site, sourceID: candidate.sourceID,
            sourceParentID: candidate.sourceParentID, postKey: candidate.postKey, name: candidate.name,
            url: candidate.url, body: candidate.body, status: candidate.status,
            emailHash: candidate.email.map(protector.emailHash), emailSealed: candidate.email.map(protector.seal),
            ipHash: candidate.ip.map(protector.ipHash), createdAt: candidate.createdAt)
    }

    /// What a store records to recognise this key later (`CommentStore.checkKey`): a keyed hash
    /// of a fixed text, which says nothing about the key itself.
    public var keyFingerprint: String {
        protector.ipHash("hakam key fingerprint v1")
    }
}
