/// The paging model of an article's public comments: pages hold whole threads. A thread is a
/// top-level comment followed by every published reply below it, however deep, oldest first; a
/// page holds `perPage` threads, the oldest threads first. So a reply is always on its root's
/// page, whatever the page size, and a client can nest a page's comments by `parent` alone.
/// A reply whose parent is not published (held, spam, deleted) starts a thread of its own.
public struct ThreadedPages: Sendable {
    /// Each thread's comments, root first then replies oldest first; threads oldest root first.
    public let threads: [[PublicComment]]
    /// Published comments in all threads.
    public let total: Int

    /// `comments`: every approved comment of one article, oldest first.
    public init(comments: [PublicComment]) {
        var index: [Int64: Int] = [:]
        index.reserveCapacity(comments.count)
        for (position, comment) in comments.enumerated() { index[comment.id] = position }
        // The thread of each comment: its topmost published ancestor's. Parents come before their
        // replies almost always (imports may differ), so roots are memoized as they are found.
        var rootOf = [Int?](repeating: nil, count: comments.count)
        var threadOfRoot: [Int: Int] = [:]
        var threads: [[PublicComment]] = []
        var roots: [Int] = []
        for position in comments.indices {
            let root = Self.root(of: position, comments: comments, index: index, memo: &rootOf)
            roots.append(root)
        }
        // Threads ordered by their root's position (its age); replies in list order (their age).
        for (position, root) in roots.enumerated() where root == position {
            threadOfRoot[root] = threads.count
            threads.append([])
        }
        for (position, root) in roots.enumerated() where root == position {
            threads[threadOfRoot[root]!].append(comments[position])
        }
        // The root first even when an import listed a reply before it.
        for (position, root) in roots.enumerated() where root != position {
            threads[threadOfRoot[root]!].append(comments[position])
        }
        self.threads = threads
        self.total = comments.count
    }

    /// Pages of `perPage` threads (0 without comments).
    public func pageCount(perPage: Int) -> Int { (threads.count + perPage - 1) / perPage }

    /// Page `page` (from 1) of `perPage` threads, flattened; empty past the last page.
    public func page(_ page: Int, perPage: Int) -> [PublicComment] {
        precondition(page >= 1 && perPage >= 1)
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow, start < threads.count else { return [] }
        return Array(threads[start..<min(threads.count, start + perPage)].joined())
    }

    /// Walks up the published parents; a loop of parents (which the store cannot produce, but an
    /// import of a broken file might) is cut where it closes.
    private static func root(of position: Int, comments: [PublicComment], index: [Int64: Int], memo: inout [Int?]) -> Int {
        var chain: [Int] = []
        var current = position
        var seen: Set<Int> = []
        while true {
            if let known = memo[current] { return settle(chain, root: known, memo: &memo) }
            guard let parentID = comments[current].parent, let parent = index[parentID], parent != current,
                  !seen.contains(parent)
            else { return settle(chain + [current], root: current, memo: &memo) }
            seen.insert(current)
            chain.append(current)
            current = parent
        }
    }

    private static func settle(_ chain: [Int], root: Int, memo: inout [Int?]) -> Int {
        for position in chain { memo[position] = root }
        return root
    }
}
