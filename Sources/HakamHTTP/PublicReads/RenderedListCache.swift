import Synchronization

/// Rendered lists in memory, least recently used first out, bounded by the bytes they hold.
/// Each entry remembers the database-wide generation it is known valid at (`validAt`): while
/// the database's generation has not moved past it, nothing it shows can have changed.
final class RenderedListCache: Sendable {
    struct Lookup {
        let list: RenderedList
        let validAt: Int64
    }

    private struct Node {
        let key: ListKey
        var list: RenderedList
        var validAt: Int64
        var newer: Int?
        var older: Int?
    }

    private struct State {
        var index: [ListKey: Int] = [:]
        var nodes: [Node?] = []
        var free: [Int] = []
        var newest: Int?
        var oldest: Int?
        var bytes = 0
    }

    let capacityBytes: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    var byteCount: Int { state.withLock { $0.bytes } }
    var count: Int { state.withLock { $0.index.count } }

    /// The entry for `key`, now the most recently used.
    func lookup(_ key: ListKey) -> Lookup? {
        state.withLock { state in
            guard let slot = state.index[key], let node = state.nodes[slot] else { return nil }
            Self.unlink(slot, in: &state)
            Self.pushNewest(slot, in: &state)
            return Lookup(list: node.list, validAt: node.validAt)
        }
    }

    /// Records that the entry, rendered at `postGeneration`, is still current at `validAt`.
    func confirm(_ key: ListKey, postGeneration: Int64, validAt: Int64) {
        state.withLock { state in
            guard let slot = state.index[key], let node = state.nodes[slot], node.list.postGeneration == postGeneration,
                  node.validAt < validAt
            else { return }
            state.nodes[slot]!.validAt = validAt
        }
    }

    /// Keeps `list`, evicting the least recently used entries past the budget. An entry of a
    /// newer post generation than `list`'s (stored by a concurrent request) is kept instead.
    func store(_ key: ListKey, _ list: RenderedList, validAt: Int64) {
        guard list.cost <= capacityBytes else { return }
        state.withLock { state in
            if let slot = state.index[key], let node = state.nodes[slot] {
                if node.list.postGeneration > list.postGeneration { return }
                state.bytes -= node.list.cost
                Self.unlink(slot, in: &state)
                state.nodes[slot] = nil
                state.index[key] = nil
                state.free.append(slot)
            }
            while state.bytes + list.cost > capacityBytes, let oldest = state.oldest {
                let node = state.nodes[oldest]!
                state.bytes -= node.list.cost
                Self.unlink(oldest, in: &state)
                state.nodes[oldest] = nil
                state.index[node.key] = nil
                state.free.append(oldest)
            }
            let node = Node(key: key, list: list, validAt: validAt)
            let slot: Int
            if let reused = state.free.popLast() {
                slot = reused
                state.nodes[slot] = node
            } else {
                slot = state.nodes.count
                state.nodes.append(node)
            }
            state.index[key] = slot
            state.bytes += list.cost
            Self.pushNewest(slot, in: &state)
        }
    }

    private static func unlink(_ slot: Int, in state: inout State) {
        let node = state.nodes[slot]!
        if let newer = node.newer { state.nodes[newer]!.older = node.older } else { state.newest = node.older }
        if let older = node.older { state.nodes[older]!.newer = node.newer } else { state.oldest = node.newer }
        state.nodes[slot]!.newer = nil
        state.nodes[slot]!.older = nil
    }

    private static func pushNewest(_ slot: Int, in state: inout State) {
        state.nodes[slot]!.older = state.newest
        state.nodes[slot]!.newer = nil
        if let newest = state.newest { state.nodes[newest]!.newer = slot }
        state.newest = slot
        if state.oldest == nil { state.oldest = slot }
    }
}
