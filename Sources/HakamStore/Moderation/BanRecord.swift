import Foundation

/// A row of `bans` (migration 0002). `value` is an HMAC hash for `email`/`ip` bans.
public struct BanRecord: Sendable, Equatable, Codable {
    public var id: Int64?
    public var kind: BanKind
    public var value: String
    public var expiresAt: Date?
    public var note: String?
    public var actor: String
    public var createdAt: Date
    public var liftedAt: Date?
    public var liftedBy: String?

    public enum CodingKeys: String, CodingKey {
        case id, kind, value, note, actor
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case liftedAt = "lifted_at"
        case liftedBy = "lifted_by"
    }
    public typealias Columns = CodingKeys

    public init(id: Int64? = nil, kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, createdAt: Date, liftedAt: Date? = nil, liftedBy: String? = nil) {
        self.id = id
        self.kind = kind
        self.value = value
        self.expiresAt = expiresAt
        self.note = note
        self.actor = actor
        self.createdAt = createdAt
        self.liftedAt = liftedAt
        self.liftedBy = liftedBy
    }

    /// In force at `now`: not lifted, not expired.
    public func isActive(at now: Date) -> Bool {
        liftedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }

    /// Safe to print: the hash of an email or IP is shown as `(hashed)`, never itself.
    public var displayValue: String {
        switch kind {
        case .email, .ip: "(hashed)"
        case .domain, .name: value
        }
    }
}
