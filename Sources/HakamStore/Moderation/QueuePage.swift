import Foundation
import HakamCore

/// One screen of the queue: the comments shown and how many match in all.
public struct QueuePage: Sendable, Equatable {
    public var total: Int
    public var comments: [ModeratedComment]

    public init(total: Int, comments: [ModeratedComment]) {
        self.total = total
        self.comments = comments
    }
}
