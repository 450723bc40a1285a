import Foundation
import Synchronization

/// After a request to the site failed to connect, further requests fail at once for a short
/// while instead of each waiting out the HTTP client's timeout: the worker's other channels (and
/// a backfill) are not held up by a site that is down. Deliveries retry with their own backoff.
final class UnreachableWindow: Sendable {
    private let until = Mutex<Date?>(nil)
    let seconds: TimeInterval

    init(seconds: TimeInterval = 15) { self.seconds = seconds }

    /// The failure to report now, if the site failed to connect moments ago.
    func check(now: Date) -> DeliveryFailure? {
        guard let until = until.withLock({ $0 }), now < until else { return nil }
        return DeliveryFailure("request failed: the site could not be reached moments ago; not tried")
    }

    func record(_ failure: DeliveryFailure, now: Date) {
        // Transport failures only (NIOHTTPPoster's words); an HTTP answer means the site is up.
        guard failure.message.hasPrefix("request failed") else { return }
        until.withLock { $0 = now.addingTimeInterval(seconds) }
    }
}
