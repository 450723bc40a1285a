import Foundation
import GRDB
import HakamCore
@testable import HakamStore
import Synchronization
import Testing
@testable import HakamSQLite

/// What the verdict learns from the history read in the write transaction.
@Suite("Author history")
struct AuthorHistoryFetchTests {
    let database: AppDatabase
    /// One instant for every comment of a test: the windows (burst, flood) are measured between
    /// comments, and must not shrink when a loaded machine runs the test slowly.
    let start = Date()

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory.appendingPathComponent("hakam.sqlite").path)
    }

    func comment(_ n: Int, post: String = "p", email: String? = nil, ip: String? = nil, body: String? = nil) -> NewComment {
        let text = body ?? "comment \(n)"
        var comment = NewComment(postKey: post, parentID: nil, name: "n", url: nil, body: text, emailHash: email ?? "author-\(n)",
                                 emailSealed: Data([1]), ipHash: ip, userAgent: nil, bodyDigest: SHA256Digest.hex(text), createdAt: start)
        comment.foldedDigest = SHA256Digest.hex("folded " + text)
        return comment
    }

    /// Stores `comment` and returns the history its verdict saw.
    func history(for comment: NewComment, storedAs action: ModerationAction = .hold) async throws -> AuthorHistory {
        let seen = Mutex<AuthorHistory?>(nil)
        _ = try await database.submit(comment) { history in
            seen.withLock { $0 = history }
            return Verdict(action: action, score: 0, reasons: [], policyVersion: "v1")
        }
        return try #require(seen.withLock { $0 })
    }

    @Test func theBurstCountStopsAtTheLimitAndIsSkippedWhenTheRuleIsOff() async throws {
        for n in 0..<6 { _ = try await history(for: comment(n)) }
        var limited = comment(10)
        limited.postBurstCountLimit = 4
        #expect(try await history(for: limited).recentOnPost == 4)
        var off = comment(11)
        off.postBurstCountLimit = 0
        #expect(try await history(for: off).recentOnPost == 0)
        #expect(try await history(for: comment(12, post: "other")).recentOnPost == 0)
        #expect(try await history(for: comment(13)).recentOnPost == 8)
    }

    @Test func duplicatesCrossPostsAndTheLastCommentByEmailOrAddress() async throws {
        let first = try await history(for: comment(1, email: "e", ip: "i", body: "same text"))
        #expect(first == AuthorHistory())
        let again = try await history(for: comment(2, email: "e", body: "same text"))
        #expect(again.hasDuplicate)
        #expect(again.lastCommentAt != nil)
        let elsewhere = try await history(for: comment(3, post: "q", email: "f", body: "same text"))
        #expect(!elsewhere.hasDuplicate)
        #expect(elsewhere.crossPostCopies == 2)
        let sameAddress = try await history(for: comment(4, email: "g", ip: "i"))
        #expect(sameAddress.lastCommentAt != nil, "the address commented before")
        #expect(!sameAddress.hasDuplicate)
    }

    /// The history as a submission of `comment` would see it, without storing it.
    func lookUp(_ comment: NewComment) async throws -> AuthorHistory {
        try await database.writer.read { db in try AuthorHistory.fetch(db, for: comment) }
    }

    func sameMillisecond(_ a: Date?, _ b: Date) -> Bool {
        guard let a else { return false }
        return abs(a.timeIntervalSince(b)) < 0.001
    }

    /// The flood rule only compares the newest comment with its interval: older ones are not looked
    /// up, by email (the author's last_seen_at) or by address (the day-first index), over days too.
    @Test func theNewestCommentIsLookedUpOverTheFloodWindowOnly() async throws {
        var recent = comment(1, email: "e", ip: "i")
        recent.createdAt = start.addingTimeInterval(-120)
        _ = try await history(for: recent)
        var old = comment(2, email: "g", ip: "k")
        old.createdAt = start.addingTimeInterval(-2 * 86400)
        _ = try await history(for: old)
        for (email, ip, at) in [("e", "other", recent.createdAt), ("other", "i", recent.createdAt),
                                ("g", "other", old.createdAt), ("other", "k", old.createdAt)] {
            var probe = comment(3, email: email, ip: ip)
            probe.floodWindow = 3 * 86400
            #expect(sameMillisecond(try await lookUp(probe).lastCommentAt, at), "\(email) \(ip)")
            probe.floodWindow = .greatestFiniteMagnitude  // a policy may say so: taken as a year
            #expect(sameMillisecond(try await lookUp(probe).lastCommentAt, at), "\(email) \(ip)")
            probe.floodWindow = start.timeIntervalSince(at) - 10
            #expect(try await lookUp(probe).lastCommentAt == nil, "\(email) \(ip)")
        }
    }

    /// A comment dated after today (an import from a clock ahead) counts as before: the day-first
    /// indexes are also searched past today.
    @Test func commentsDatedAfterTodayStillCount() async throws {
        var ahead = comment(1, email: "e", ip: "i", body: "same text")
        ahead.createdAt = start.addingTimeInterval(3 * 86400)
        _ = try await history(for: ahead)
        let seen = try await lookUp(comment(2, post: "q", email: "f", ip: "i", body: "same text"))
        #expect(sameMillisecond(seen.lastCommentAt, ahead.createdAt))
        #expect(seen.crossPostCopies == 1)
    }

    /// Copies on other articles count for 24 hours, also across midnight (yesterday's day).
    @Test func crossPostCopiesAreCountedOverTheLastDay() async throws {
        for (n, hours) in [(1, -23.0), (2, -25.0), (3, -47.0)] {
            var copy = comment(n, post: "a\(n)", body: "same text")
            copy.createdAt = start.addingTimeInterval(hours * 3600)
            _ = try await history(for: copy)
        }
        #expect(try await lookUp(comment(4, post: "q", body: "same text")).crossPostCopies == 1)
    }

    @Test func theAuthorsApprovedAndSpamCounts() async throws {
        _ = try await history(for: comment(1, email: "e"), storedAs: .approve)
        _ = try await history(for: comment(2, email: "e"), storedAs: .spam)
        _ = try await history(for: comment(3, email: "e"), storedAs: .spam)
        let known = try await history(for: comment(4, email: "e"))
        #expect(known.approvedCount == 1)
        #expect(known.spamCount == 2)
        let stranger = try await history(for: comment(5, email: "someone else"))
        #expect(stranger.approvedCount == 0 && stranger.spamCount == 0)
    }
}
