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
