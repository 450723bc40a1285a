import Foundation
import HakamCore
import HakamStore

/// Keeps a WordPress site's copy of one Hakam comment in step with the comment as it is now:
/// an approved comment has an approved copy (created on the right post, under its parent's
/// copy); a held, spam or trashed one has a copy in that state, if it had one; a purged one has
/// none. Whatever event asked, the same call does the right thing, so a replay, a retry or
/// events handled out of order change nothing more.
///
/// A copy's id is recorded in the store (`published_copies`). A create whose answer was lost
/// (WordPress made the copy, Hakam never heard) is caught before the next create by looking the
/// copy up by its author email, which is unique per Hakam comment (`hakam-ID@hakam.invalid`).
/// Making a copy happens under a claim in the store (`publishing_claims`), so two publishers
/// (two nodes, or a backfill beside the server) never create the same copy at once.
public struct WordPressPublisher: Sendable {
    public let settings: WordPressSettings
    let client: WordPressClient
    let store: any PublishingStore
    let slugs: SlugCache
    let unreachable: UnreachableWindow
    let now: @Sendable () -> Date
    /// Who holds a claim: this publisher, for the life of the process.
    let holder = "publisher-" + UUID().uuidString

    /// How long a claim holds if its publisher dies before giving it up: longer than a create
    /// (a lookup and a create, each bounded by the client's timeout) can take.
    static let claimLease: TimeInterval = 120

    /// What one sync did.
    public enum Outcome: Sendable, Equatable {
        case created(Int64), updated(Int64), deleted(Int64), nothingToDo
    }

    /// A reply waits for at most this many ancestors to be published first.
    static let maxDepth = 64

    public init(settings: WordPressSettings, password: String, store: any PublishingStore, transport: any HTTPTransport,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        client = WordPressClient(site: settings.url, user: settings.user, password: password, transport: transport)
        self.store = store
        slugs = SlugCache()
        unreachable = UnreachableWindow()
        self.now = now
    }

    public var site: String { settings.destination }

    /// Brings the copy of comment `id` in step. Store failures come back as `DeliveryFailure`s
    /// that retry.
    @discardableResult
    public func sync(commentID id: Int64) async throws(DeliveryFailure) -> Outcome {
        if let failure = unreachable.check(now: now()) { throw failure }
        do {
            return try await sync(commentID: id, depth: 0)
        } catch {
            unreachable.record(error, now: now())
            throw error
        }
    }

    private func sync(commentID id: Int64, depth: Int) async throws(DeliveryFailure) -> Outcome {
        let comment = try await stored { try await store.publishableComment(id: id) }
        let copy = try await stored { try await store.publishedCopy(commentID: id, site: site) }
        guard let comment else {
            guard let copy else { return .nothingToDo }
            try await client.delete(copy)
            try await stored { try await store.removePublishedCopy(commentID: id, site: site) }
            return .deleted(copy)
        }
        guard comment.status == .approved else {
            guard let copy else { return .nothingToDo }
            if try await client.update(copy, .moderated(comment.status)) { return .updated(copy) }
            // Deleted on the WordPress side: nothing left to hide.
            try await stored { try await store.removePublishedCopy(commentID: id, site: site) }
            return .nothingToDo
        }
        if let copy {
            if try await client.update(copy, .refresh(comment)) { return .updated(copy) }
            try await stored { try await store.removePublishedCopy(commentID: id, site: site) }
        }
        return try await create(comment, depth: depth)
    }

    /// `.created`, or `.updated` when an earlier attempt's copy was found and adopted, under this
    /// publisher's claim on the comment. Another publisher's claim is a retryable failure.
    private func create(_ comment: PublishableComment, depth: Int) async throws(DeliveryFailure) -> Outcome {
        let parent = try await parentCopy(of: comment, depth: depth)
        let started = now()
        guard try await stored({
            try await store.claimPublishing(commentID: comment.id, site: site, holder: holder,
                                            until: started.addingTimeInterval(Self.claimLease), now: started)
        }) else {
            throw DeliveryFailure("another publisher is making this comment's copy")
        }
        do {
            let outcome = try await createClaimed(comment, parent: parent)
            try? await store.releasePublishing(commentID: comment.id, site: site, holder: holder)
            return outcome
        } catch {
            // A failed release only leaves the claim to expire.
            try? await store.releasePublishing(commentID: comment.id, site: site, holder: holder)
            throw error
        }
    }

    private func createClaimed(_ comment: PublishableComment, parent: Int64) async throws(DeliveryFailure) -> Outcome {
        let post = try await postID(for: comment.postKey)
        let fields = WordPressCommentFields.create(comment, post: post, parent: parent)
        let remote: Int64
        let adopted: Bool
        // A publisher that held the claim before this one may have made and recorded the copy.
        if let recorded = try await stored({ try await store.publishedCopy(commentID: comment.id, site: site) }),
           try await client.update(recorded, fields) {
            remote = recorded
            adopted = true
        } else if let earlier = try await client.comment(withAuthorEmail: WordPressCommentFields.placeholderEmail(commentID: comment.id)) {
            // An earlier attempt made it and its answer was lost: adopt that copy.
            guard try await client.update(earlier, fields) else { throw DeliveryFailure("the earlier copy vanished while being updated") }
            remote = earlier
            adopted = true
        } else {
            remote = try await client.create(fields)
            adopted = false
        }
        try await stored { try await store.recordPublishedCopy(commentID: comment.id, site: site, remoteID: remote, now: now()) }
        // Replies published while this comment was not (they went to the top level) move under it.
        let replies = try await stored { try await store.publishedReplies(to: comment.id, site: site) }
        for reply in replies {
            _ = try await client.update(reply.remoteID, WordPressCommentFields(parent: remote))
        }
        return adopted ? .updated(remote) : .created(remote)
    }

    /// The copy a reply goes under: its parent's, published first if the parent is approved and
    /// has none yet. Hakam approves a reply only under an approved parent, but the parent may be
    /// held or trashed before the worker gets to the reply: then the reply goes to the top level
    /// and moves under the parent if that is approved later.
    private func parentCopy(of comment: PublishableComment, depth: Int) async throws(DeliveryFailure) -> Int64 {
        guard let parentID = comment.parentID else { return 0 }
        if let copy = try await stored({ try await store.publishedCopy(commentID: parentID, site: site) }) { return copy }
        guard let parent = try await stored({ try await store.publishableComment(id: parentID) }), parent.status == .approved else { return 0 }
        guard depth < Self.maxDepth else { throw DeliveryFailure("a thread deeper than \(Self.maxDepth) replies", isPermanent: true) }
        switch try await sync(commentID: parentID, depth: depth + 1) {
        case .created(let id), .updated(let id): return id
        case .deleted, .nothingToDo: return 0
        }
    }

    /// The WordPress post a Hakam post key names (`post_id_from`).
    func postID(for key: String) async throws(DeliveryFailure) -> Int64 {
        switch settings.postIDFrom {
        case .commentPostID:
            guard !key.isEmpty, key.allSatisfy(\.isASCII), key.allSatisfy(\.isNumber), let id = Int64(key), id > 0 else {
                throw DeliveryFailure("the post key '\(key.prefix(80))' is not a WordPress post id (post_id_from: comment_post_ID)", isPermanent: true)
            }
            return id
        case .slug:
            if let id = slugs.id(for: key) { return id }
            // Not found: the post may not be published yet, so this retries.
            guard let id = try await client.postID(slug: key) else { throw DeliveryFailure("no published WordPress post has the slug '\(key.prefix(80))'") }
            slugs.remember(key, id)
            return id
        }
    }

    /// A store call whose failure is a retryable delivery failure (the database was busy).
    private func stored<T>(_ body: () async throws -> T) async throws(DeliveryFailure) -> T {
        do { return try await body() } catch { throw DeliveryFailure("the database is unavailable (\(type(of: error)))") }
    }
}
