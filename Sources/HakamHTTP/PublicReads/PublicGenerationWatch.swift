import HakamStore
import Synchronization

/// The database-wide generation of the public comments, read at most once per `interval`
/// however many requests ask: between two reads every request uses the last value, so a change
/// made anywhere (this server, a CLI process, another node) is seen within `interval` plus one
/// read. One request at a time reads it; the others meanwhile use the value it is replacing.
final class PublicGenerationWatch: Sendable {
    private struct State {
        var value: Int64 = 0
        var readAt: ContinuousClock.Instant?
        var reading = false
    }

    let interval: Duration
    private let database: any CommentStore
    private let state = Mutex(State())
    private let clock = ContinuousClock()

    init(database: any CommentStore, interval: Duration) {
        self.database = database
        self.interval = interval
    }

    func current() async throws -> Int64 {
        let now = clock.now
        let cached: Int64? = state.withLock { state in
            if let readAt = state.readAt, state.reading || now - readAt < interval { return state.value }
            state.reading = true
            return nil
        }
        if let cached { return cached }
        do {
            let value = try await database.publicGeneration()
            state.withLock { state in
                state.value = max(state.value, value)
                state.readAt = now
                state.reading = false
            }
            return value
        } catch {
            state.withLock { $0.reading = false }
            throw error
        }
    }
}
