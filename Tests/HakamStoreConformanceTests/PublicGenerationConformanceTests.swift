import Foundation
import HakamCore
import HakamStore
import Testing

/// The read cache's change signal, on every backend: the generations move in the transaction of
/// any change to a post's approved comments, and only then.
@Suite struct PublicGenerationConformanceTests {
    @Test(arguments: StoreBackend.available)
    func generationsFollowApprovedComments(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let start = try await f.store.publicGenerations(post: "p")
            #expect(start == PublicGenerations(global: 0, post: 0))

            // A held comment is not public: nothing moves.
            let held = try await f.add("waiting", action: .hold)
            #expect(try await f.store.publicGenerations(post: "p") == start)

            // Approving it moves the post's generation and the global one.
            _ = try await f.store.decide(commentID: held, action: .approve, actor: "mod", note: nil, now: f.at(minutes: 1))
            let approved = try await f.store.publicGenerations(post: "p")
            #expect(approved.post > start.post)
            #expect(approved.global > start.global)
            #expect(try await f.store.publicGeneration() == approved.global)

            // Another post's change moves the global generation, not this post's.
            _ = try await f.add("elsewhere", email: "sara@example.org", post: "q", action: .approve, minutes: 2, ip: "198.51.100.9")
            let afterOther = try await f.store.publicGenerations(post: "p")
            #expect(afterOther.post == approved.post)
            #expect(afterOther.global > approved.global)

            // Spamming the approved comment takes it out, and moves the post again.
            _ = try await f.store.decide(commentID: held, action: .spam, actor: "mod", note: nil, now: f.at(minutes: 3))
            let published = try await f.store.publishedComments(post: "p")
            #expect(published.comments.isEmpty)
            #expect(published.generations.post > afterOther.post)

            let other = try await f.store.publishedComments(post: "q")
            #expect(other.comments.map(\.body) == ["elsewhere"])
            #expect(other.generations == (try await f.store.publicGenerations(post: "q")))
        }
    }
}
