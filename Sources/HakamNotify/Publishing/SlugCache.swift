import Synchronization

/// Slug → post id, for the life of the process (a post's id never changes).
final class SlugCache: Sendable {
    private let ids = Mutex<[String: Int64]>([:])

    func id(for slug: String) -> Int64? { ids.withLock { $0[slug] } }
    func remember(_ slug: String, _ id: Int64) { ids.withLock { $0[slug] = id } }
}
