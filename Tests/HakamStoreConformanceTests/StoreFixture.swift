import Foundation
import HakamCore
import HakamStore
import Testing

/// Comments made the way the server makes them (protected by a real key), for any store.
struct StoreFixture: Sendable {
    let store: any CommentStore
    let protector = PrivacyProtector(master: MasterKey.generate())
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func at(minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    func emailHash(_ email: String) throws -> String { protector.emailHash(try EmailAddress(parsing: email)) }

    func newComment(
        _ body: String = "hello", email: String = "ali@example.com", name: String = "Ali", post: String = "p",
        parent: Int64? = nil, minutes: Double = 0, ip: String = "203.0.113.7"
    ) throws -> NewComment {
        let address = try EmailAddress(parsing: email)
        var comment = NewComment(
            postKey: post, parentID: parent, name: name, url: "https://example.com/\(name)", body: body,
            emailHash: protector.emailHash(address), emailSealed: protector.seal(address), ipHash: protector.ipHash(ip),
            userAgent: "test-agent", bodyDigest: BodyDigest.exact(body), createdAt: at(minutes: minutes))
        comment.emailDomain = address.asciiDomain
        comment.foldedDigest = BodyDigest.folded(body)
        return comment
    }

    /// Stores a comment with a fixed verdict, refusing it as the judge would on a duplicate or a ban.
    @discardableResult
    func add(
        _ body: String = "hello", email: String = "ali@example.com", name: String = "Ali", post: String = "p",
        parent: Int64? = nil, action: ModerationAction = .hold, reasons: [String] = ["test.reason"], minutes: Double = 0,
        ip: String = "203.0.113.7"
    ) async throws -> Int64 {
        let comment = try newComment(body, email: email, name: name, post: post, parent: parent, minutes: minutes, ip: ip)
        let verdict = Verdict(action: action, score: Double(reasons.count), reasons: reasons.map { Reason(code: $0, weight: 1) }, policyVersion: "v1")
        let (record, _) = try await store.submit(comment) { history in
            if history.isBanned { throw Rejection.banned }
            if history.hasDuplicate { throw Rejection.duplicate }
            return verdict
        }
        return try #require(record.id)
    }
}
