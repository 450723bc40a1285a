import Foundation

/// Which approved comments an export takes.
public struct ExportFilter: Sendable {
    public var post: String?
    /// Comments changed (approved, or edited by `forget`) at or after this time: incremental
    /// exports key on `updated_at`, so a late approval of an old comment is not missed.
    public var since: Date?
    /// Comments changed before this time.
    public var until: Date?

    public init(post: String? = nil, since: Date? = nil, until: Date? = nil) {
        self.post = post
        self.since = since
        self.until = until
    }
}
