import Foundation
import HakamCore
import HakamStore
import Testing

/// Every store behaviour Hakam relies on, run against each backend (`StoreBackend.available`).
// Serialized: each PostgreSQL case creates and migrates a database of its own, and a dozen at once
// starve the timing-sensitive tests that run beside this suite on a two-core machine.
@Suite(.serialized) struct StoreConformanceTests {
    static let backends = StoreBackend.available

    @Test(arguments: backends)
    func submitStoresTheCommentAndItsFirstEvent(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let id = try await f.add("first words", action: .approve, reasons: ["a.b"])
            let record = try #require(try await f.store.comment(id: id))
            #expect(record.body == "first words")
            #expect(record.status == .approved)
            #expect(record.policyVersion == "v1")
            #expect(record.decodedReasons.map(\.code) == ["a.b"])
            #expect(record.createdAt == f.start)
            let events = try await f.store.history(commentID: id)
            #expect(events.map(\.action) == ["submit"])
            #expect(events.first?.toStatus == .approved)
            #expect(events.first?.fromStatus == nil)
            #expect(events.first?.actor == "hakam")
            #expect(events.first?.note == "a.b")
            #expect(events.first?.createdAt == f.start)
            let page = try await f.store.approvedComments(post: "p", page: 1, perPage: 10)
            #expect(page.total == 1)
            #expect(page.comments.map(\.body) == ["first words"])
        }
    }

    /// Both stores look for the newest comment by the email or address over the flood window only.
    @Test(arguments: backends)
    func historyLooksForTheNewestCommentOverTheFloodWindow(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            _ = try await f.add("first words")
            for (email, ip) in [("ali@example.com", "198.51.100.9"), ("sara@example.org", "203.0.113.7")] {
                var near = try f.newComment("other words", email: email, post: "q", minutes: 1, ip: ip)
                near.floodWindow = 120
                #expect(try await Self.history(f.store, for: near).lastCommentAt == f.start, "\(email) \(ip)")
                near.floodWindow = 30
                #expect(try await Self.history(f.store, for: near).lastCommentAt == nil, "\(email) \(ip)")
            }
        }
    }

    @Test(arguments: backends)
    func historyReportsDuplicatesFloodAndReputation(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            _ = try await f.add("same text", action: .spam)
            let copy = try f.newComment("same text", minutes: 0.5)
            let seen = try await Self.history(f.store, for: copy)
            #expect(seen.hasDuplicate)
            #expect(seen.spamCount == 1)
            #expect(seen.lastCommentAt == f.start)
            let other = try f.newComment("same text", email: "sara@example.org", post: "q", minutes: 1, ip: "198.51.100.1")
            let elsewhere = try await Self.history(f.store, for: other)
            #expect(!elsewhere.hasDuplicate)
            #expect(elsewhere.crossPostCopies == 1)
        }
    }

    /// The history a submission of `comment` would be judged on (the submission is refused).
    static func history(_ store: any CommentStore, for comment: NewComment) async throws -> AuthorHistory {
        let seen = HistoryBox()
        _ = try? await store.submit(comment) { history in
            seen.set(history)
            throw Rejection.closed
        }
        return try #require(seen.value)
    }

    @Test(arguments: backends)
    func identicalConcurrentSubmissionsStoreOne(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { (try? await f.add("at the same moment", minutes: 2)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let page = try await f.store.queue(QueueFilter(statuses: []))
            #expect(page.total == 1)
        }
    }

    @Test(arguments: backends)
    func aReplyNeedsAnApprovedParentOnTheSamePost(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let held = try await f.add("held parent", action: .hold)
            await #expect(throws: StoreError.parentNotFound) {
                try await f.add("reply", email: "sara@example.org", parent: held, minutes: 1)
            }
            let approved = try await f.add("approved parent", email: "omar@example.net", action: .approve, minutes: 2, ip: "198.51.100.9")
            let reply = try await f.add("reply", email: "sara@example.org", parent: approved, minutes: 3, ip: "198.51.100.2")
            #expect(try await f.store.comment(id: reply)?.parentID == approved)
        }
    }

    @Test(arguments: backends)
    func bansAreFactsForTheNextSubmission(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let hash = try f.emailHash("ali@example.com")
            let outcome = try await f.store.ban(kind: .email, value: hash, expiresAt: nil, note: "spammer", actor: "mod", now: f.start)
            #expect(outcome.isNew)
            let again = try await f.store.ban(kind: .email, value: hash, expiresAt: f.at(minutes: 60), note: nil, actor: "mod2", now: f.start)
            #expect(!again.isNew)
            #expect(again.ban.id == outcome.ban.id)
            #expect(again.ban.note == "spammer")
            #expect(try await Self.history(f.store, for: f.newComment(minutes: 1)).isBanned)
            let domainBan = try await f.store.ban(kind: .domain, value: "example.org", expiresAt: nil, note: nil, actor: "mod", now: f.start)
            #expect(try await Self.history(f.store, for: f.newComment(email: "x@mail.example.org", minutes: 1, ip: "198.51.100.3")).isBanned)
            #expect(try await f.store.bans(includeInactive: false, now: f.start).count == 2)
            _ = try await f.store.unban(kind: .email, value: hash, actor: "mod", now: f.start)
            _ = try await f.store.unban(id: try #require(domainBan.ban.id), actor: "mod", now: f.start)
            #expect(!(try await Self.history(f.store, for: f.newComment(minutes: 2)).isBanned))
            #expect(try await f.store.bans(includeInactive: false, now: f.start).isEmpty)
            #expect(try await f.store.bans(includeInactive: true, now: f.start).count == 2)
            await #expect(throws: ModerationError.self) {
                try await f.store.unban(kind: .email, value: hash, actor: "mod", now: f.start)
            }
        }
    }

    @Test(arguments: backends)
    func decideAndUndoWriteTheAuditTrailAndCounts(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let id = try await f.add("to be judged")
            let approve = try await f.store.decide(commentID: id, action: .approve, actor: "mod", note: nil, expecting: [.pending], now: f.at(minutes: 1))
            #expect(approve.from == .pending && approve.to == .approved && approve.changed)
            let same = try await f.store.decide(commentID: id, action: .approve, actor: "mod", note: nil, expecting: nil, now: f.at(minutes: 2))
            #expect(!same.changed)
            await #expect(throws: ModerationError.statusChanged(commentID: id, actual: .approved)) {
                try await f.store.decide(commentID: id, action: .spam, actor: "mod", note: nil, expecting: [.pending], now: f.at(minutes: 3))
            }
            #expect(try await f.store.commentDetail(id: id, now: f.start)?.author?.approvedCount == 1)
            let undo = try await f.store.undo(commentID: id, actor: "mod", note: nil, now: f.at(minutes: 4))
            #expect(undo.to == .pending)
            #expect(undo.revertedAction == "approve")
            let detail = try #require(try await f.store.commentDetail(id: id, now: f.start))
            #expect(detail.comment.status == .pending)
            #expect(detail.author?.approvedCount == 0)
            #expect(detail.events.map(\.action) == ["submit", "approve", "undo"])
            await #expect(throws: ModerationError.nothingToUndo(id)) {
                try await f.store.undo(commentID: id, actor: "mod", note: nil, now: f.at(minutes: 5))
            }
            await #expect(throws: ModerationError.commentNotFound(9_999)) {
                try await f.store.decide(commentID: 9_999, action: .approve, actor: "mod", note: nil, expecting: nil, now: f.start)
            }
        }
    }

    @Test(arguments: backends)
    func queueFiltersByStatusPostAndReason(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            _ = try await f.add("one", reasons: ["links.many"])
            _ = try await f.add("two", email: "b@example.com", post: "other", reasons: ["word:casino"], minutes: 1, ip: "198.51.100.4")
            _ = try await f.add("three", email: "c@example.com", action: .approve, reasons: [], minutes: 2, ip: "198.51.100.5")
            #expect(try await f.store.queue(QueueFilter()).comments.map(\.body) == ["one", "two"])
            #expect(try await f.store.queue(QueueFilter(reasonCode: "word:casino")).comments.map(\.body) == ["two"])
            #expect(try await f.store.queue(QueueFilter(statuses: [], postKey: "p")).comments.map(\.body) == ["one", "three"])
            let limited = try await f.store.queue(QueueFilter(statuses: [], limit: 1))
            #expect(limited.total == 3 && limited.comments.count == 1)
            #expect(try await f.store.commentIDs(matching: QueueFilter(statuses: [.approved])).count == 1)
            #expect(try await f.store.pendingCount() == 2)
            let stats = try await f.store.moderationStats(now: f.at(minutes: 10), windowStart: f.start)
            #expect(stats.countsByStatus[.pending] == 2 && stats.countsByStatus[.approved] == 1)
            #expect(Set(stats.topReasons.map(\.code)) == ["links.many", "word:casino"])
        }
    }

    @Test(arguments: backends)
    func revealForgetAndPurge(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let id = try await f.add("mine")
            let email = try await f.store.revealEmail(commentID: id, actor: "mod", note: "request", now: f.start) { sealed in
                try f.protector.openSealedEmail(sealed)
            }
            #expect(email == "ali@example.com")
            #expect(try await f.store.keyedRowCount() == 1)
            let forgotten = try await f.store.forget(emailHash: try f.emailHash("ali@example.com"), actor: "mod", note: nil, now: f.at(minutes: 1))
            #expect(forgotten == 1)
            let record = try #require(try await f.store.comment(id: id))
            #expect(record.name == AnonymousAuthor.name && record.emailHash == nil && record.ipHash == nil && record.url == nil)
            #expect(try await f.store.keyedRowCount() == 0)
            _ = try await f.store.decide(commentID: id, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.at(minutes: 2))
            let dry = try await f.store.purge(cutoffs: [.spam: f.at(minutes: 60)], actor: "retention", now: f.at(minutes: 60), dryRun: true)
            #expect(dry.deleted[.spam] == 1)
            #expect(try await f.store.comment(id: id) != nil)
            _ = try await f.store.purge(cutoffs: [.spam: f.at(minutes: 60)], actor: "retention", now: f.at(minutes: 60), dryRun: false)
            #expect(try await f.store.comment(id: id) == nil)
            #expect(try await f.store.history(commentID: id).map(\.action) == ["submit", "reveal_email", "forget", "spam", "purge"])
        }
    }

    @Test(arguments: backends)
    func classifierCountsStayExactUnderConcurrentTraining(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            let lesson = ClassifierCounts(
                features: [1: .init(spam: 1, ham: 0), UInt64.max: .init(spam: 0, ham: 2)],
                documents: .init(spam: 1, ham: 1), featureTotals: .init(spam: 1, ham: 2))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { try await f.store.trainClassifier(lesson, now: f.start) } }
                try await group.waitForAll()
            }
            let (counts, generation) = try await f.store.classifierCounts()
            #expect(counts.features[1] == .init(spam: 6, ham: 0))
            #expect(counts.features[UInt64.max] == .init(spam: 0, ham: 12))
            #expect(counts.documents == .init(spam: 6, ham: 6))
            #expect(generation == 6)
            #expect(try await f.store.classifierGeneration() == 6)
            let id = try await f.add("buy cheap pills now")
            _ = try await f.store.decide(commentID: id, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.start)
            let stats = try await f.store.classifierStats()
            #expect(stats.documents.spam == 7)
            #expect(stats.fromModerators == .init(spam: 1, ham: 0))
            _ = try await f.store.undo(commentID: id, actor: "mod", note: nil, now: f.start)
            #expect(try await f.store.classifierCounts().counts.features == counts.features)
        }
    }

    @Test(arguments: backends)
    func classifierKeepsSeededExamplesAndTheChosenCutoff(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            #expect(try await f.store.classifierChoice() == ClassifierChoice())
            let seeds = [ClassifierTrainingExample(features: [1, 5, UInt64.max], spam: true),
                         ClassifierTrainingExample(features: [2, 5], spam: false)]
            var counts = ClassifierCounts()
            for seed in seeds { counts.apply(seed.features, label: seed.spam ? .spam : .ham) }
            try await f.store.trainClassifier(counts, examples: seeds, now: f.start)
            let id = try await f.add("buy cheap pills now")
            _ = try await f.store.decide(commentID: id, action: .spam, actor: "mod", note: nil, expecting: nil, now: f.start)
            let lessons = try await f.store.classifierTrainingExamples()
            #expect(Array(lessons.prefix(2)) == seeds)
            #expect(lessons.count == 3)
            #expect(lessons[2].spam && !lessons[2].features.isEmpty)
            _ = try await f.store.undo(commentID: id, actor: "mod", note: nil, now: f.start)
            #expect(try await f.store.classifierTrainingExamples() == seeds)

            let before = try await f.store.classifierGeneration()
            let choice = ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: -1.25, targetFalsePositiveRate: 0.02, documentsAtChoice: 4_000_000_000)
            try await f.store.setClassifierChoice(choice, now: f.start)
            #expect(try await f.store.classifierChoice() == choice)
            #expect(try await f.store.classifierGeneration() == before + 1)
            try await f.store.setClassifierChoice(ClassifierChoice(kind: .logistic), now: f.start)
            #expect(try await f.store.classifierChoice() == ClassifierChoice(kind: .logistic))
        }
    }

    @Test(arguments: backends)
    func importThenExportInOrder(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            func imported(_ id: String, parent: String? = nil, post: String, minutes: Double) -> ImportedComment {
                ImportedComment(source: "https://old.example", sourceID: id, sourceParentID: parent, postKey: post, name: "",
                                url: nil, body: "comment \(id)", status: .approved, emailHash: nil, emailSealed: nil, ipHash: nil,
                                createdAt: f.at(minutes: minutes))
            }
            let (outcomes, linked) = try await f.store.importComments(now: f.at(minutes: 100)) { session in
                [
                    try session.add(imported("2", parent: "1", post: "b", minutes: 2)),
                    try session.add(imported("1", post: "b", minutes: 1)),
                    try session.add(imported("3", post: "a", minutes: 3)),
                    try session.add(imported("3", post: "a", minutes: 3)),
                ]
            }
            #expect(outcomes.last == .alreadyImported)
            #expect(linked == 1)
            let again = try await f.store.importComments(now: f.at(minutes: 200)) { session in try session.add(imported("1", post: "b", minutes: 1)) }
            #expect(again.result == .alreadyImported)
            var bodies: [String] = []
            let count = try await f.store.exportApprovedComments(ExportFilter()) { row in bodies.append(row.comment.body) }
            #expect(count == 3)
            #expect(bodies == ["comment 3", "comment 1", "comment 2"])
            #expect(try await f.store.approvedCommentCount(ExportFilter(post: "b")) == 2)
            let page = try await f.store.approvedComments(post: "b", page: 1, perPage: 10)
            #expect(page.comments.map(\.name) == [AnonymousAuthor.name, AnonymousAuthor.name])
            #expect(page.comments.last?.parent == page.comments.first?.id)
            // Each imported comment has one audit event, written the same way as every other.
            let first = try #require(page.comments.first?.id)
            let events = try await f.store.history(commentID: first)
            #expect(events.map(\.action) == [ImportMarks.auditAction])
            #expect(events.map(\.actor) == [ImportMarks.actor])
            #expect(events.first?.fromStatus == nil && events.first?.toStatus == .approved)
            #expect(events.first?.note == "comment 1 of https://old.example")
            #expect(events.first?.createdAt == f.at(minutes: 100))
        }
    }

    @Test(arguments: backends)
    func readinessAndKeyCheck(_ backend: StoreBackend) async throws {
        try await backend.withStore { f in
            #expect(await f.store.isWritable())
            try await f.store.checkKey(fingerprint: "first")
            try await f.store.checkKey(fingerprint: "first")
            if backend == .postgres {
                await #expect(throws: StoreError.keyMismatch) { try await f.store.checkKey(fingerprint: "second") }
            }
        }
    }
}

/// Carries a value out of a `@Sendable` closure.
final class HistoryBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: AuthorHistory?
    var value: AuthorHistory? { lock.withLock { stored } }
    func set(_ history: AuthorHistory) { lock.withLock { stored = history } }
}
