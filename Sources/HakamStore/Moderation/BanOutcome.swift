import Foundation
import HakamCore

/// The result of `ban`: the standing ban, and whether it was new or an existing one updated.
public struct BanOutcome: Sendable, Equatable {
    public var ban: BanRecord
    public var isNew: Bool

    public init(ban: BanRecord, isNew: Bool) {
        self.ban = ban
        self.isNew = isNew
    }
}
