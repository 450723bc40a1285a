import HakamCore

/// One approved comment lent to an export by a store, valid only inside the call that lends it.
/// A backend that holds the row as bytes (SQLite) lends them without making `String`s; any other
/// returns nil from `withBytes` and the exporter takes `comment`.
public protocol ExportedCommentRow {
    var comment: PublicComment { get }
    func withBytes<T>(_ body: (PublicCommentBytes) throws -> T) rethrows -> T?
}

/// A row that is a decoded comment already (backends that read through a driver).
public struct DecodedCommentRow: ExportedCommentRow {
    public let comment: PublicComment

    public init(_ comment: PublicComment) {
        self.comment = comment
    }

    public func withBytes<T>(_ body: (PublicCommentBytes) throws -> T) rethrows -> T? { nil }
}
