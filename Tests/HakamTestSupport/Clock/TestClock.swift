import Foundation
import Synchronization

/// A settable clock, so flood and expiry tests need no sleeping.
public final class TestClock: Sendable {
    /// Where every test clock starts: a fixed time, so dates in outputs are stable.
    public static let start = Date(timeIntervalSince1970: 1_800_000_000)

    private let current: Mutex<Date>

    public init(_ start: Date = TestClock.start) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }

    public func advance(_ seconds: TimeInterval) { advance(seconds: seconds) }
}
