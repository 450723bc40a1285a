import Foundation
import HakamCore
import HakamStore
import Testing

/// What a publisher asks of the store, on every backend: the comment without private fields,
/// the map of published copies (which outlives a purge), replies with copies, the backfill's
/// pages, and `comment.erased` events for forget and purge.
@Suite struct PublishingConformanceTests {
    @Test(arguments: StoreBackend.available)
    func theCopyMapAndTheBackfillPages(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let site = "wordpress:news.example"
            let parent = try await f.add("parent", action: .approve)
            let reply = try await f.add("reply", email: "sara@example.org", name: "Sara", parent: parent, action: .approve, minutes: 1, ip: "198.51.100.4")
            let held = try await f.add("held", email: "held@example.org", parent: parent, action: .hold, minutes: 2, ip: "198.51.100.5")

            let comment = try #require(try await f.store.publishableComment(id: reply))
            #expect(comment == PublishableComment(id: reply, postKey: "p", parentID: parent, name: "Sara", url: "https://example.com/Sara",
                                                  body: "reply", status: .approved, createdAt: f.at(minutes: 1)))
            #expect(try await f.store.publishableComment(id: 999_999) == nil)

            #expect(try await f.store.publishedCopy(commentID: reply, site: site) == nil)
            try await f.store.recordPublishedCopy(commentID: reply, site: site, remoteID: 70, now: f.at(minutes: 3))
            try await f.store.recordPublishedCopy(commentID: reply, site: site, remoteID: 71, now: f.at(minutes: 4))  // replaced
            try await f.store.recordPublishedCopy(commentID: held, site: site, remoteID: 72, now: f.at(minutes: 4))
            try await f.store.recordPublishedCopy(commentID: reply, site: "wordpress:other.example", remoteID: 5, now: f.at(minutes: 4))
            #expect(try await f.store.publishedCopy(commentID: reply, site: site) == 71)
            #expect(try await f.store.publishedCopy(commentID: reply, site: "wordpress:other.example") == 5)
            // Only approved replies with a copy on this site.
            #expect(try await f.store.publishedReplies(to: parent, site: site).map { [$0.commentID, $0.remoteID] } == [[reply, 71]])
            try await f.store.removePublishedCopy(commentID: reply, site: site)
            #expect(try await f.store.publishedCopy(commentID: reply, site: site) == nil)
            #expect(try await f.store.publishedReplies(to: parent, site: site).isEmpty)

            #expect(try await f.store.approvedCommentIDs(since: nil, afterID: 0, limit: 10) == [parent, reply])
            #expect(try await f.store.approvedCommentIDs(since: nil, afterID: parent, limit: 10) == [reply])
            #expect(try await f.store.approvedCommentIDs(since: nil, afterID: 0, limit: 1) == [parent])
            #expect(try await f.store.approvedCommentIDs(since: f.at(minutes: 0.5), afterID: 0, limit: 10) == [reply])
            #expect(try await f.store.approvedCommentCount(since: nil) == 2)
            #expect(try await f.store.approvedCommentCount(since: f.at(minutes: 0.5)) == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func oneClaimOnACopyAtATimeUntilItIsGivenUpOrRunsOut(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let site = "wordpress:news.example"
            let start = f.at(minutes: 0)
            let lease = start.addingTimeInterval(120)
            #expect(try await f.store.claimPublishing(commentID: 7, site: site, holder: "node-a", until: lease, now: start))
            // Another holder is refused while the lease runs; the holder itself renews it.
            #expect(try await !f.store.claimPublishing(commentID: 7, site: site, holder: "node-b", until: lease, now: start.addingTimeInterval(60)))
            #expect(try await f.store.claimPublishing(commentID: 7, site: site, holder: "node-a", until: lease.addingTimeInterval(60), now: start.addingTimeInterval(60)))
            #expect(try await !f.store.claimPublishing(commentID: 7, site: site, holder: "node-b", until: lease, now: lease))
            // Claims are per comment and per site.
            #expect(try await f.store.claimPublishing(commentID: 8, site: site, holder: "node-b", until: lease, now: start))
            #expect(try await f.store.claimPublishing(commentID: 7, site: "wordpress:other.example", holder: "node-b", until: lease, now: start))
            // Only its holder gives a claim up.
            try await f.store.releasePublishing(commentID: 7, site: site, holder: "node-b")
            #expect(try await !f.store.claimPublishing(commentID: 7, site: site, holder: "node-b", until: lease, now: start))
            try await f.store.releasePublishing(commentID: 7, site: site, holder: "node-a")
            #expect(try await f.store.claimPublishing(commentID: 7, site: site, holder: "node-b", until: lease, now: start))
            // A claim whose lease ran out (its holder died) is taken.
            let later = lease.addingTimeInterval(1)
            #expect(try await f.store.claimPublishing(commentID: 7, site: site, holder: "node-c", until: later.addingTimeInterval(120), now: later))
        }
    }

    @Test(arguments: StoreBackend.available)
    func forgetAndPurgeWriteErasedEventsAndTheMapOutlivesThePurge(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let site = "wordpress:news.example"
            let kept = try await f.add("kept", action: .approve)
            let binned = try await f.add("binned", email: "bin@example.org", action: .approve, minutes: 1, ip: "198.51.100.3")
            try await f.store.recordPublishedCopy(commentID: binned, site: site, remoteID: 9, now: f.at(minutes: 2))
            _ = try await f.store.forget(emailHash: try f.emailHash("ali@example.com"), actor: "mod", note: nil, now: f.at(minutes: 3))
            _ = try await f.store.decide(commentID: binned, action: .trash, actor: "mod", note: nil, expecting: nil, now: f.at(minutes: 4))
            _ = try await f.store.purge(cutoffs: [.trash: f.at(minutes: 60)], actor: "retention", now: f.at(minutes: 60), dryRun: false)

            let events = try await f.store.eventsToFanOut(limit: 10)
            #expect(events.map(\.type) == ["comment.approved", "comment.approved", "comment.erased", "comment.decided", "comment.erased"])
            #expect(events[2].commentID == kept && events[2].action == "forget")
            #expect(events[4].commentID == binned && events[4].action == "purge")
            #expect(try await f.store.publishableComment(id: kept)?.name == AnonymousAuthor.name)
            #expect(try await f.store.publishableComment(id: binned) == nil)
            #expect(try await f.store.publishedCopy(commentID: binned, site: site) == 9)
        }
    }
}
