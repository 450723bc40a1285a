import CoreMetrics
import HakamCore
import HakamStore
import Hummingbird

/// Serves the public comment lists from rendered bytes in memory, touching the database only
/// when the list may have changed. The signal is the generations migration 0008's triggers bump
/// in the writer's transaction: first the database-wide one (read at most every
/// `PublicGenerationWatch.interval`), then, only when it moved, the post's own, and only when
/// that moved too are the comments read and rendered again.
final class PublicListReader: Sendable {
    /// How a request was served, for `/metrics`.
    enum Outcome: String, CaseIterable {
        /// From memory, nothing having changed anywhere.
        case hit
        /// From memory after reading the post's generation (another post changed).
        case revalidated
        /// Read and rendered.
        case miss
    }

    let cache: RenderedListCache?
    let watch: PublicGenerationWatch
    private let database: any CommentStore
    private let counters: [Outcome: CoreMetrics.Counter]
    private let flights = ListRefreshFlights()

    /// `capacityBytes` 0: every request reads and renders (no memory kept).
    init(database: any CommentStore, capacityBytes: Int, recheckInterval: Duration = .milliseconds(100), metrics: AppMetrics) {
        self.database = database
        self.cache = capacityBytes > 0 ? RenderedListCache(capacityBytes: capacityBytes) : nil
        self.watch = PublicGenerationWatch(database: database, interval: recheckInterval)
        var counters: [Outcome: CoreMetrics.Counter] = [:]
        for outcome in Outcome.allCases { counters[outcome] = metrics.publicListCounter(outcome: outcome.rawValue) }
        self.counters = counters
    }

    /// The list for `key`; `render` makes its bytes from all of the post's published comments.
    func list(_ key: ListKey, render: @escaping @Sendable (ThreadedPages) throws -> ByteBuffer) async throws -> RenderedList {
        guard let cache else { return try await read(key, render: render).list }
        let global = try await watch.current()
        if let found = cache.lookup(key), found.validAt >= global {
            counters[.hit]?.increment()
            return found.list
        }
        return try await flights.run(key) { [self] in try await refresh(key, cache: cache, global: global, render: render) }
    }

    /// Confirms the entry with the post's own generation when only other posts changed, else
    /// reads and renders the list again.
    private func refresh(_ key: ListKey, cache: RenderedListCache, global: Int64, render: (ThreadedPages) throws -> ByteBuffer) async throws -> RenderedList {
        if let found = cache.lookup(key) {
            // A flight that ended just before this one began may have stored a current copy.
            if found.validAt >= global {
                counters[.hit]?.increment()
                return found.list
            }
            let generations = try await database.publicGenerations(post: key.post)
            if generations.post == found.list.postGeneration {
                cache.confirm(key, postGeneration: generations.post, validAt: generations.global)
                counters[.revalidated]?.increment()
                return found.list
            }
        }
        let (list, validAt) = try await read(key, render: render)
        cache.store(key, list, validAt: validAt)
        return list
    }

    private func read(_ key: ListKey, render: (ThreadedPages) throws -> ByteBuffer) async throws -> (list: RenderedList, validAt: Int64) {
        counters[.miss]?.increment()
        let published = try await database.publishedComments(post: key.post)
        let body = try render(ThreadedPages(comments: published.comments))
        return (RenderedList(body: body, postGeneration: published.generations.post), published.generations.global)
    }
}
