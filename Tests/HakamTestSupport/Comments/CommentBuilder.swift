import Foundation
import HakamCore
import HakamStore

/// Seeds comments through the store API, the way the server stores a submission (hashed and
/// sealed private data, a verdict, the first audit event), and moves them on as a moderator would.
public struct CommentBuilder: Sendable {
    public let store: any CommentStore
    public let protector: PrivacyProtector
    /// The time comments are dated from (`minutesAgo` counts back from it).
    public let now: Date

    /// Private values every seeded comment carries unless told otherwise, for privacy scans.
    public static let email = "ali.secret@example.com"
    public static let ip = "203.0.113.77"
    public static let userAgent = "PrivateAgent/9.9 (test)"

    public init(store: any CommentStore, protector: PrivacyProtector, now: Date = TestClock.start) {
        self.store = store
        self.protector = protector
        self.now = now
    }

    /// Stores one comment and returns its id. The verdict's score is the reasons' weights added
    /// up unless `score` is given; the body digest is unique, so equal bodies are not duplicates.
    @discardableResult
    public func add(
        _ body: String = "hello there", email: String = CommentBuilder.email, name: String = "Ali", url: String? = nil,
        post: String = "p", parent: Int64? = nil, ip: String = CommentBuilder.ip, userAgent: String = CommentBuilder.userAgent,
        action: ModerationAction = .hold, reasons: [Reason] = [Reason(code: "test.reason", weight: 1)], score: Double? = nil,
        minutesAgo: Double = 0
    ) async throws -> Int64 {
        let address = try EmailAddress(parsing: email)
        let comment = NewComment(
            postKey: post, parentID: parent, name: name, url: url, body: body, emailHash: protector.emailHash(address),
            emailSealed: protector.seal(address), ipHash: protector.ipHash(ip), userAgent: userAgent,
            bodyDigest: SHA256Digest.hex(body + UUID().uuidString), createdAt: now.addingTimeInterval(-minutesAgo * 60))
        let verdict = Verdict(action: action, score: score ?? reasons.reduce(0) { $0 + $1.weight }, reasons: reasons, policyVersion: "v1")
        let (record, _) = try await store.submit(comment) { _ in verdict }
        guard let id = record.id else { throw BuilderFailure.noID }
        return id
    }

    /// A moderator's decision on a seeded comment (with its audit event and counters).
    @discardableResult
    public func decide(_ id: Int64, _ action: ModerationAction, actor: String = "test") async throws -> DecisionOutcome {
        try await store.decide(commentID: id, action: action, actor: actor, note: nil, now: now)
    }

    enum BuilderFailure: Error { case noID }
}
