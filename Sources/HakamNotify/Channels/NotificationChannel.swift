import Foundation
import HakamCore

/// Somewhere notifications go: a webhook, moderators' email. The worker gives a channel the
/// events it hears, one at a time or (`isBatched`) all that are due at once.
public protocol NotificationChannel: Sendable {
    /// The name deliveries record (never a secret).
    var destination: String { get }
    /// Several events in one send (an email digest).
    var isBatched: Bool { get }
    func hears(_ type: NotificationEventType, byModerator: Bool) -> Bool
    /// When a new event is first due: now, or the channel's next digest.
    func firstAttempt(now: Date) -> Date
    func send(_ items: [NotificationFacts]) async throws(DeliveryFailure)
}

/// Why a send failed, in words safe to store and show (no secret, no private data).
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Trying again cannot help (a configuration mistake): the worker parks the delivery at once.
    public var isPermanent: Bool

    public init(_ message: String, isPermanent: Bool = false) {
        self.message = message
        self.isPermanent = isPermanent
    }

    public var description: String { message }
}
