import HakamCore

/// Where the public comments of the database stand: `global` moves with every change to any
/// post's approved comments, `post` with every change to one post's (bumped by triggers in the
/// writer's transaction, on every backend).
public struct PublicGenerations: Sendable, Equatable {
    public var global: Int64
    public var post: Int64

    public init(global: Int64, post: Int64) {
        self.global = global
        self.post = post
    }
}

/// All approved comments of a post, oldest first, and the generations they were read at (one
/// snapshot, so the comments are exactly those of `generations.post`).
public struct PublishedComments: Sendable {
    public var generations: PublicGenerations
    public var comments: [PublicComment]

    public init(generations: PublicGenerations, comments: [PublicComment]) {
        self.generations = generations
        self.comments = comments
    }
}
