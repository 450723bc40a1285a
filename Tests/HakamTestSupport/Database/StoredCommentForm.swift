import Foundation

/// One comment row with exactly the stored values a test wants: for rows the store never
/// writes itself (ill-formed UTF-8, a NUL, times as ISO text or Unix numbers).
public struct StoredCommentForm: Sendable {
    public var id: Int64
    public var parentID: Int64?
    public var name: StoredValue
    public var url: StoredValue
    public var body: StoredValue
    public var createdAt: StoredValue

    public init(id: Int64, parentID: Int64? = nil, name: StoredValue, url: StoredValue = .null, body: StoredValue, createdAt: StoredValue) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.url = url
        self.body = body
        self.createdAt = createdAt
    }
}
