import Foundation

/// What a publisher (the WordPress channel, `hakam publish`) asks of the database: the comment as
/// it is now, and the map from Hakam comments to their copies on a site (`published_copies`).
/// `site` is the publisher's destination name. The map outlives a purged comment, so its copy
/// can still be deleted.
public protocol PublishingStore: Sendable {
    /// The comment as it is now, or nil when it is gone (purged).
    func publishableComment(id: Int64) async throws -> PublishableComment?
    /// The id of the comment's copy on `site`, if one was recorded.
    func publishedCopy(commentID: Int64, site: String) async throws -> Int64?
    /// Records (or replaces) the id of the comment's copy on `site`.
    func recordPublishedCopy(commentID: Int64, site: String, remoteID: Int64, now: Date) async throws
    /// Claims the making of the comment's copy on `site` for `holder` until `until`: true when no
    /// one else holds an unexpired claim (the holder's own claim is renewed).
    func claimPublishing(commentID: Int64, site: String, holder: String, until: Date, now: Date) async throws -> Bool
    /// Gives the claim up, if `holder` still has it.
    func releasePublishing(commentID: Int64, site: String, holder: String) async throws
    /// Forgets the copy (it was deleted on the site).
    func removePublishedCopy(commentID: Int64, site: String) async throws
    /// Approved replies to `commentID` that have a copy on `site`: (comment id, copy id), by id.
    func publishedReplies(to commentID: Int64, site: String) async throws -> [(commentID: Int64, remoteID: Int64)]
    /// Approved comments last changed (approved) at or after `since` (nil: all) with an id above `afterID`, by id
    /// (a reply usually comes after its parent; the publisher publishes a missing parent first
    /// anyway), at most `limit`: the backfill's pages.
    func approvedCommentIDs(since: Date?, afterID: Int64, limit: Int) async throws -> [Int64]
    /// How many comments `approvedCommentIDs` would visit in all (a progress bar).
    func approvedCommentCount(since: Date?) async throws -> Int
}
