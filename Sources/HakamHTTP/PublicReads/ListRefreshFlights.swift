import Synchronization

/// One refresh of a list at a time: when an article changes, every request that finds its list
/// stale meanwhile waits for the one read and render already under way instead of doing its own
/// (sixty readers of a popular article would otherwise read and render it sixty times).
final class ListRefreshFlights: Sendable {
    private let running = Mutex<[ListKey: Task<RenderedList, any Error>]>([:])

    func run(_ key: ListKey, _ work: @escaping @Sendable () async throws -> RenderedList) async throws -> RenderedList {
        let task = running.withLock { flights in
            if let flight = flights[key] { return flight }
            // The task removes itself when done; it cannot run before this lock is released.
            let flight = Task { [self] in
                defer { running.withLock { $0[key] = nil } }
                return try await work()
            }
            flights[key] = flight
            return flight
        }
        return try await task.value
    }
}
