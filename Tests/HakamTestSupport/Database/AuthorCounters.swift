import GRDB

/// An author's stored counters (the `authors` row the triggers keep).
public struct AuthorCounters: Equatable, Sendable {
    public var comments: Int
    public var approved: Int
    public var spam: Int

    public init(comments: Int, approved: Int, spam: Int) {
        self.comments = comments
        self.approved = approved
        self.spam = spam
    }

    init(row: Row) {
        self.init(comments: row["comment_count"], approved: row["approved_count"], spam: row["spam_count"])
    }
}
