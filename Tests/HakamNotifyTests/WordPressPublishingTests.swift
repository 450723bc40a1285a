import Foundation
import HakamCore
import HakamNotify
import HakamStore
import HakamTestSupport
@testable import HakamSQLite
import Logging
import Testing

/// The WordPress publisher through the delivery worker and the real HTTP client, against a fake
/// WordPress REST API on loopback.
@Suite("WordPress publishing")
struct WordPressPublishingTests {
    struct Harness {
        let fixture: OutboxFixture
        let site: FakeWordPress
        let clock: TestClock
        let channel: WordPressChannel

        init(postIDFrom: WordPressSettings.PostIDSource = .commentPostID, password: String = FakeWordPress.password) async throws {
            let fixture = try OutboxFixture()
            let site = try await FakeWordPress()
            let clock = TestClock(fixture.start)
            let settings = WordPressSettings(url: site.url, user: FakeWordPress.user, applicationPasswordFile: "/unused", postIDFrom: postIDFrom)
            self.fixture = fixture
            self.site = site
            self.clock = clock
            channel = WordPressChannel(publisher: WordPressPublisher(
                settings: settings, password: password, store: fixture.database, transport: NIOHTTPPoster(timeout: 5), now: { clock.now }))
        }

        var publisher: WordPressPublisher { channel.publisher }

        /// A comment as the server stores it, with the reader's private data.
        @discardableResult
        func add(_ body: String = "hello", post: String = "42", parent: Int64? = nil, name: String = "Ali", url: String? = nil,
                 action: ModerationAction = .approve, minutes: Double = 0) async throws -> Int64 {
            let address = try EmailAddress(parsing: OutboxFixture.email)
            let protector = fixture.protector
            let comment = NewComment(
                postKey: post, parentID: parent, name: name, url: url, body: body,
                emailHash: protector.emailHash(address), emailSealed: protector.seal(address), ipHash: protector.ipHash(OutboxFixture.ip),
                userAgent: OutboxFixture.userAgent, bodyDigest: SHA256Digest.hex(body + UUID().uuidString),
                createdAt: fixture.start.addingTimeInterval(minutes * 60))
            let verdict = Verdict(action: action, score: 0, reasons: [], policyVersion: "v1")
            let (record, _) = try await fixture.database.submit(comment) { _ in verdict }
            return try #require(record.id)
        }

        func decide(_ id: Int64, _ action: ModerationAction) async throws {
            _ = try await fixture.database.decide(commentID: id, action: action, actor: "mona", note: nil, now: clock.now)
        }

        /// One worker pass; `later` first moves the clock past any retry's wait.
        func pass(later: Bool = false) async throws {
            if later { clock.advance(3600) }
            let clock = clock
            let worker = DeliveryWorker(database: fixture.database, configuration: { fatalError("runOnce is given its configuration") },
                                        builder: NotificationFactsBuilder(), metrics: nil, logger: Logger(label: "test"),
                                        now: { clock.now }, jitter: { 1 })
            try await worker.runOnce(DeliveryConfiguration(channels: [channel], settings: DeliverySettings()))
        }

        func copy(of id: Int64) async throws -> FakeWordPress.Comment? {
            guard let remote = try await fixture.database.publishedCopy(commentID: id, site: channel.destination) else { return nil }
            return site.comments.first { $0.id == remote }
        }

        func finish() {
            site.stop()
            fixture.remove()
        }
    }

    @Test func anApprovedCommentAndItsReplyArriveOnTheirPostUnderTheirParentWithNothingPrivate() async throws {
        let h = try await Harness()
        defer { h.finish() }
        let parent = try await h.add("Hi <script>alert(1)</script> & more\nsecond line", name: "Sara & Co", url: "https://sara.example/")
        let reply = try await h.add("رد على سارة", parent: parent, name: "أحمد", minutes: 1)
        try await h.pass()

        #expect(h.site.comments.count == 2)
        let first = try #require(try await h.copy(of: parent))
        let second = try #require(try await h.copy(of: reply))
        #expect(first.post == 42 && second.post == 42)
        #expect(first.parent == 0)
        #expect(second.parent == first.id)
        #expect(first.status == "approved" && second.status == "approved")
        #expect(first.authorName == "Sara & Co" && first.authorURL == "https://sara.example/")
        #expect(second.authorName == "أحمد" && second.authorURL == "")
        #expect(first.content == "Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; more\nsecond line")
        #expect(first.dateGMT == "2027-01-15T08:00:00")
        #expect(first.authorEmail == "hakam-\(parent)@hakam.invalid")
        #expect(first.authorIP == "127.0.0.1" && first.userAgent == "Hakam")
        #expect(h.channel.destination == "wordpress:127.0.0.1:\(h.site.port)")
        for request in h.site.received {
            PrivacyScan.expectClean(request.body + " " + request.target)
            #expect(!request.body.contains(FakeWordPress.password) && !request.target.contains(FakeWordPress.password))
        }
        #expect(try await h.fixture.database.deliveryCounts().sent == 2)

        // Replaying every delivery, and another pass, add nothing.
        for delivery in try await h.fixture.database.deliveries(status: .sent, limit: 10) {
            #expect(try await h.fixture.database.retryDelivery(id: delivery.id, now: h.clock.now))
        }
        try await h.pass()
        try await h.pass()
        #expect(h.site.comments.count == 2)
        #expect(try await h.fixture.database.deliveryCounts().sent == 2)
    }

    @Test func aReplyWhoseParentIsNotPublicGoesToTheTopAndMovesUnderTheParentOnceApproved() async throws {
        let h = try await Harness()
        defer { h.finish() }
        // Hakam approves a reply only under an approved parent, but the parent can be trashed
        // before the worker gets to the reply.
        let parent = try await h.add("soon trashed")
        let reply = try await h.add("a reply", parent: parent, minutes: 1)
        try await h.decide(parent, .trash)
        try await h.pass()
        #expect(h.site.comments.count == 1)
        #expect(try await h.copy(of: reply)?.parent == 0)
        _ = try await h.fixture.database.undo(commentID: parent, actor: "mona", note: nil, now: h.clock.now)
        try await h.pass()
        let parentCopy = try #require(try await h.copy(of: parent))
        #expect(try await h.copy(of: reply)?.parent == parentCopy.id)
        #expect(h.site.comments.count == 2)
    }

    @Test func syncingAReplyFirstPublishesItsParentFirst() async throws {
        let h = try await Harness()
        defer { h.finish() }
        let parent = try await h.add("parent")
        let reply = try await h.add("reply", parent: parent, minutes: 1)
        let outcome = try await h.publisher.sync(commentID: reply)
        let parentCopy = try #require(try await h.copy(of: parent))
        let replyCopy = try #require(try await h.copy(of: reply))
        #expect(outcome == .created(replyCopy.id))
        #expect(parentCopy.id < replyCopy.id)
        #expect(replyCopy.parent == parentCopy.id)
        #expect(try await h.publisher.sync(commentID: parent) == .updated(parentCopy.id))
        #expect(h.site.comments.count == 2)
    }

    @Test func moderationInHakamIsFollowed() async throws {
        let h = try await Harness()
        defer { h.finish() }
        let id = try await h.add("text", url: "https://ali.example/")
        try await h.pass()
        let remote = try #require(try await h.copy(of: id)).id
        for (action, status) in [(ModerationAction.trash, "trash"), (.approve, "approved"), (.hold, "hold"), (.spam, "spam"), (.approve, "approved")] {
            try await h.decide(id, action)
            try await h.pass()
            #expect(try await h.copy(of: id)?.status == status, "after \(action)")
        }
        _ = try await h.fixture.database.undo(commentID: id, actor: "mona", note: nil, now: h.clock.now)
        try await h.pass()
        #expect(try await h.copy(of: id)?.status == "spam")
        try await h.decide(id, .approve)
        _ = try await h.fixture.database.forget(emailHash: h.fixture.protector.emailHash(try EmailAddress(parsing: OutboxFixture.email)),
                                                actor: "mona", note: nil, now: h.clock.now)
        try await h.pass()
        let forgotten = try #require(try await h.copy(of: id))
        #expect(forgotten.authorName == AnonymousAuthor.name && forgotten.authorURL == "" && forgotten.status == "approved")
        #expect(forgotten.id == remote)

        try await h.decide(id, .trash)
        try await h.pass()
        // Replaying every delivery (status changes that change nothing now) adds and fails nothing.
        for delivery in try await h.fixture.database.deliveries(status: .sent, limit: 50) {
            #expect(try await h.fixture.database.retryDelivery(id: delivery.id, now: h.clock.now))
        }
        try await h.pass()
        #expect(try await h.fixture.database.deliveryCounts().pending == 0)
        #expect(try await h.fixture.database.deliveryCounts().failed == 0)
        #expect(try await h.copy(of: id)?.status == "trash")
        #expect(h.site.comments.count == 1)
        h.clock.advance(7200)
        _ = try await h.fixture.database.purge(cutoffs: [.trash: h.clock.now], actor: "retention", now: h.clock.now, dryRun: false)
        try await h.pass()
        #expect(h.site.comments.isEmpty)
        #expect(try await h.fixture.database.publishedCopy(commentID: id, site: h.channel.destination) == nil)
        #expect(h.site.received.contains { $0.method == "DELETE" && $0.target.contains("force=true") })
        #expect(try await h.fixture.database.deliveryCounts().pending == 0)
    }

    @Test func aLostAnswerToACreateDoesNotMakeASecondCopy() async throws {
        let h = try await Harness()
        defer { h.finish() }
        h.site.loseNextCreateAnswer()
        let id = try await h.add()
        try await h.pass()
        let waiting = try #require(try await h.fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(waiting.lastError == "WordPress answered HTTP 500 (gateway_timeout) when creating a comment")
        #expect(h.site.comments.count == 1)  // WordPress made it; Hakam never heard
        try await h.pass(later: true)
        #expect(h.site.comments.count == 1)
        let copy = try #require(try await h.copy(of: id))
        // Adopting the copy counts as bringing it up to date, not as a creation.
        try await h.fixture.database.removePublishedCopy(commentID: id, site: h.channel.destination)
        #expect(try await h.publisher.sync(commentID: id) == .updated(copy.id))
        #expect(h.site.comments.count == 1)
        #expect(try await h.fixture.database.deliveryCounts().sent == 1)
    }

    @Test func anotherPublishersClaimIsWaitedForUntilItRunsOutAndASecondPublisherMakesNoCopy() async throws {
        let h = try await Harness()
        defer { h.finish() }
        let id = try await h.add()
        let site = h.channel.destination
        let clock = h.clock
        // Another node is making this comment's copy (and dies holding the claim).
        #expect(try await h.fixture.database.claimPublishing(commentID: id, site: site, holder: "other-node",
                                                             until: clock.now.addingTimeInterval(60), now: clock.now))
        let refused = await #expect(throws: DeliveryFailure.self) { try await h.publisher.sync(commentID: id) }
        #expect(refused?.isPermanent == false)
        #expect(h.site.comments.isEmpty)
        // Once its lease has run out, this publisher makes the copy.
        clock.advance(61)
        let made = try await h.publisher.sync(commentID: id)
        guard case .created(let remote) = made else {
            Issue.record("expected a created copy, got \(made)")
            return
        }
        // A second publisher (another node) finds that copy and makes none.
        let second = WordPressPublisher(settings: h.publisher.settings, password: FakeWordPress.password, store: h.fixture.database,
                                        transport: NIOHTTPPoster(timeout: 5), now: { clock.now })
        #expect(try await second.sync(commentID: id) == .updated(remote))
        #expect(h.site.comments.count == 1)
        // Both gave their claims up: another holder may claim the comment at once.
        #expect(try await h.fixture.database.claimPublishing(commentID: id, site: site, holder: "third-node",
                                                             until: clock.now.addingTimeInterval(60), now: clock.now))
    }

    @Test func wordPressDownDuringTheApprovalGetsTheCommentOnceItIsBack() async throws {
        let h = try await Harness()
        defer { h.finish() }
        h.site.setDown(true)
        let id = try await h.add()
        try await h.pass()
        try await h.pass()  // not yet due again: no second attempt
        let waiting = try #require(try await h.fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(waiting.attempts == 1)
        #expect(waiting.lastError?.contains("HTTP 503") == true)
        #expect(waiting.destination == h.channel.destination)
        h.site.setDown(false)
        try await h.pass(later: true)
        try await h.pass(later: true)
        #expect(h.site.comments.count == 1)
        #expect(try await h.copy(of: id)?.status == "approved")
    }

    @Test func postKeysMapBySlugOrParkWhenTheyCannotBeAPostID() async throws {
        let bySlug = try await Harness(postIDFrom: .slug)
        defer { bySlug.finish() }
        let known = try await bySlug.add(post: "an-article")
        try await bySlug.add(post: "not-published-yet", minutes: 1)
        try await bySlug.pass()
        #expect(try await bySlug.copy(of: known)?.post == 7)
        let waiting = try #require(try await bySlug.fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(waiting.lastError == "no published WordPress post has the slug 'not-published-yet'")

        let byID = try await Harness()
        defer { byID.finish() }
        try await byID.add(post: "news-1")
        try await byID.pass()
        let parked = try #require(try await byID.fixture.database.deliveries(status: .failed, limit: 5).first)
        #expect(parked.attempts == 1)
        #expect(parked.lastError?.contains("'news-1' is not a WordPress post id") == true)
        #expect(byID.site.comments.isEmpty)
    }

    @Test func wrongCredentialsAreARetriedErrorThatNamesNoSecret() async throws {
        let h = try await Harness(password: "wrong password here")
        defer { h.finish() }
        try await h.add()
        try await h.pass()
        let waiting = try #require(try await h.fixture.database.deliveries(status: .pending, limit: 5).first)
        #expect(waiting.lastError?.hasPrefix("WordPress answered HTTP 401 (rest_not_logged_in)") == true)
        #expect(waiting.lastError?.contains("wrong password") == false)
    }

    @Test func aSiteThatCannotBeReachedIsNotTriedAgainForAWhile() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let clock = TestClock(fixture.start)
        // Port 9 (discard) on loopback: nothing listens.
        let settings = WordPressSettings(url: URL(string: "http://127.0.0.1:9")!, user: "bot", applicationPasswordFile: "/unused")
        let publisher = WordPressPublisher(settings: settings, password: "pw", store: fixture.database, transport: NIOHTTPPoster(timeout: 1),
                                           now: { clock.now })
        let address = try EmailAddress(parsing: OutboxFixture.email)
        let comment = NewComment(
            postKey: "42", parentID: nil, name: "Ali", url: nil, body: "hi", emailHash: fixture.protector.emailHash(address),
            emailSealed: fixture.protector.seal(address), ipHash: nil, userAgent: nil, bodyDigest: "d", createdAt: fixture.start)
        let id = try #require(try await fixture.database.submit(comment) { _ in Verdict(action: .approve, score: 0, reasons: [], policyVersion: "v1") }.0.id)

        await #expect(throws: DeliveryFailure("request failed: connection refused")) { try await publisher.sync(commentID: id) }
        let started = Date()
        await #expect(throws: DeliveryFailure("request failed: the site could not be reached moments ago; not tried")) {
            try await publisher.sync(commentID: id)
        }
        #expect(Date().timeIntervalSince(started) < 0.5)
        clock.advance(20)
        await #expect(throws: DeliveryFailure("request failed: connection refused")) { try await publisher.sync(commentID: id) }
    }

    @Test func theFactoryReadsThePasswordFileAndNamesOnlyTheFileWhenItCannot() async throws {
        let fixture = try OutboxFixture()
        defer { fixture.remove() }
        let file = fixture.directory.appendingPathComponent("wp.secret").path
        try Data("abcd efgh ijkl\n".utf8).write(to: URL(fileURLWithPath: file))
        let settings = WordPressSettings(url: URL(string: "https://news.example")!, user: "bot", applicationPasswordFile: file)
        let publishing = PublishingSettings(wordpress: settings)
        let made = try ChannelFactory(store: fixture.database).configuration(for: NotificationSettings(), publishing: publishing)
        #expect(made.channels.map(\.destination) == ["wordpress:news.example"])
        // Without a store (`hakam notify test`) there is no publisher.
        #expect(try ChannelFactory().configuration(for: NotificationSettings(), publishing: publishing).channels.isEmpty)
        let missing = PublishingSettings(wordpress: WordPressSettings(url: settings.url, user: "bot", applicationPasswordFile: file + ".nope"))
        #expect(throws: DeliveryFailure("cannot read the WordPress application password file \(file).nope")) {
            try ChannelFactory(store: fixture.database).configuration(for: NotificationSettings(), publishing: missing)
        }
    }
}
