import HakamCore

/// One page of an article's published comments.
public struct PublicCommentPage: Sendable {
    public var total: Int
    public var comments: [PublicComment]

    public init(total: Int, comments: [PublicComment]) {
        self.total = total
        self.comments = comments
    }
}
