import CoreMetrics
import Synchronization

/// The request counter and timer of each (method, route, status), made once: made per request,
/// they would be looked up in the Prometheus registry under its lock, with new label arrays.
final class RequestMetricHandles: @unchecked Sendable {
    // @unchecked: swift-metrics' `Counter` and `Timer` are not marked Sendable, but they only
    // forward to their handlers, which the Prometheus factory makes thread-safe; the dictionary
    // itself is behind the mutex.
    private struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private let handles = Mutex<[Key: (Counter, Timer)]>([:])

    func handles(method: String, route: String, status: Int, make: () -> (Counter, Timer)) -> (Counter, Timer) {
        let key = Key(method: method, route: route, status: status)
        if let found = handles.withLock({ $0[key] }) { return found }
        let made = make()
        return handles.withLock { handles in
            if let found = handles[key] { return found }
            handles[key] = made
            return made
        }
    }
}
