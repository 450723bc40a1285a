import Foundation
import HakamCore
@testable import HakamHTTP
import HakamStore
@testable import HakamSQLite
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import HakamTestSupport

/// The public lists are cacheable (ETag, 304, Cache-Control from the policy) and never stale at
/// Hakam for longer than the generation watch's interval; private pages never cacheable.
@Suite("public lists: caching")
struct PublicListCachingTests {
    static var policy: Policy {
        var policy = TestApp.defaultPolicy
        policy.publicCache = PublicCacheSettings(maxAgeSeconds: 7, staleWhileRevalidateSeconds: 41, memoryMegabytes: 1)
        return policy
    }

    @Test(arguments: ["/comments?post=p", "/comments?post=p&page=1&per_page=10", "/comments.html?post=p&lang=en"])
    func aListHasAStrongETagAnd304sWhenItMatches(_ uri: String) async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 3)
        try await test.application().test(.router) { client in
            let first = try await client.execute(uri: uri, method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[.cacheControl] == "public, max-age=7, stale-while-revalidate=41")
            let etag = try #require(first.headers[.eTag])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
            #expect(first.bodyText.contains("comment 2"))

            for condition in [etag, "W/\(etag)", "\"other\", \(etag)", "*", "\"a,b\" , W/\(etag)"] {
                let again = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: condition])
                #expect(again.status == .notModified, "If-None-Match: \(condition)")
                #expect(again.headers[.eTag] == etag)
                #expect(again.headers[.cacheControl] == "public, max-age=7, stale-while-revalidate=41")
                #expect(again.body.readableBytes == 0)
            }
            for condition in ["\"other\"", "W/\"other\"", etag.replacingOccurrences(of: "\"", with: ""), ""] {
                let changed = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: condition])
                #expect(changed.status == .ok, "If-None-Match: \(condition)")
                #expect(changed.bodyText == first.bodyText)
            }
            // Two header lines are one list.
            var twoLines = HTTPFields()
            twoLines[values: .ifNoneMatch] = ["\"x\"", etag]
            #expect(try await client.execute(uri: uri, method: .get, headers: twoLines).status == .notModified)
        }
    }

    @Test func anApprovalChangesTheETagAndIsServedWithinASecond() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        let ids = try await test.temporary.raw.insertComments(post: "p", count: 3)
        try await test.temporary.raw.setStatus(of: ids[2], to: .pending)
        // Another post, cached too: its entry must survive the change of "p" untouched.
        try await test.temporary.raw.insertComments(post: "q", count: 1)
        try await test.application().test(.router) { client in
            let before = try await client.execute(uri: "/comments?post=p", method: .get)
            let oldTag = try #require(before.headers[.eTag])
            #expect(try before.json["total"] as? Int == 2)
            let otherTag = try await client.execute(uri: "/comments?post=q", method: .get).headers[.eTag]

            // A second connection to the same file, as another process would write.
            let other = try AppDatabase(path: test.directory.appendingPathComponent("hakam.sqlite").path)
            try await RawRows(other).setStatus(of: ids[2], to: .approved)
            let deadline = Date().addingTimeInterval(1)
            var after = try await client.execute(uri: "/comments?post=p", method: .get, headers: [.ifNoneMatch: oldTag])
            while after.status == .notModified, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
                after = try await client.execute(uri: "/comments?post=p", method: .get, headers: [.ifNoneMatch: oldTag])
            }
            #expect(after.status == .ok)
            #expect(try after.json["total"] as? Int == 3)
            #expect(after.headers[.eTag] != oldTag)
            let unchanged = try await client.execute(uri: "/comments?post=q", method: .get, headers: [.ifNoneMatch: otherTag ?? ""])
            #expect(unchanged.status == .notModified)

            let metrics = try await client.execute(uri: "/metrics", method: .get).bodyText
            #expect(metrics.contains("hakam_public_list_reads_total{outcome=\"miss\"}"))
            #expect(metrics.contains("hakam_public_list_reads_total{outcome=\"revalidated\"}"))
        }
    }

    @Test func repeatedReadsOfAnUnchangedPostAreServedFromMemory() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 50)
        try await test.application().test(.router) { client in
            for _ in 0..<20 { #expect(try await client.execute(uri: "/comments?post=p", method: .get).status == .ok) }
            let metrics = try await client.execute(uri: "/metrics", method: .get).bodyText
            let misses = metrics.split(separator: "\n").first { $0.hasPrefix("hakam_public_list_reads_total{outcome=\"miss\"}") }
            #expect(misses?.hasSuffix(" 1") == true, "\(misses ?? "no miss line")")
            #expect(test.services.publicLists.cache?.count == 1)
        }
    }

    @Test func concurrentReadersOfAStaleListShareOneReadAndRender() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 200)
        let key = ListKey(post: "p", page: 1, perPage: 50, format: .json, language: nil)
        let renders = RenderTally()
        let reader = test.services.publicLists
        let tags = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    try await reader.list(key) { pages in
                        renders.count.withLock { $0 += 1 }
                        return ByteBuffer(string: "\(pages.total)")
                    }.etag
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tags.count == 1)
        // Requests that came after the first flight ended are hits; none reads again.
        #expect(renders.count.withLock { $0 } == 1)
    }

    @Test func theHTMLListVariesByAcceptLanguageOnlyWhenTheURLDoesNotChoose() async throws {
        let test = try TestApp(policy: Self.policy)
        defer { test.remove() }
        try await test.temporary.raw.insertComments(post: "p", count: 2)
        try await test.application().test(.router) { client in
            let arabic = try await client.execute(uri: "/comments.html?post=p", method: .get, headers: [.acceptLanguage: "ar"])
            let english = try await client.execute(uri: "/comments.html?post=p", method: .get, headers: [.acceptLanguage: "en"])
            #expect(arabic.headers[.vary] == "Accept-Language" && english.headers[.vary] == "Accept-Language")
            #expect(arabic.headers[.contentLanguage] == "ar" && english.headers[.contentLanguage] == "en")
            #expect(arabic.headers[.eTag] != english.headers[.eTag])
            // The English copy's tag does not validate the Arabic representation.
            let crossed = try await client.execute(uri: "/comments.html?post=p", method: .get,
                                                   headers: [.acceptLanguage: "ar", .ifNoneMatch: english.headers[.eTag] ?? ""])
            #expect(crossed.status == .ok && crossed.headers[.contentLanguage] == "ar")
            let chosen = try await client.execute(uri: "/comments.html?post=p&lang=en", method: .get, headers: [.acceptLanguage: "ar"])
            #expect(chosen.headers[.vary] == nil)
            #expect(chosen.headers[.eTag] == english.headers[.eTag])
        }
    }

    @Test func privateResponsesAreNeverCacheable() async throws {
        var policy = Self.policy
        policy.moderation = .all
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let created = try await client.postJSON(["post": "demo", "name": "Ali", "email": "ali@example.com", "body": "held for a moderator"])
            var responses = [("POST /comments", created)]
            responses.append(("/form", try await client.execute(uri: "/form?post=p", method: .get)))
            responses.append(("/demo", try await client.execute(uri: "/demo", method: .get)))
            let id = try #require(try created.json["id"] as? Int)
            responses.append(("/demo?unapproved", try await client.execute(uri: "/demo?unapproved=\(id)&moderation-hash=x", method: .get)))
            responses.append(("bad query", try await client.execute(uri: "/comments?post=p&per_page=101", method: .get)))
            responses.append(("bad HTML query", try await client.execute(uri: "/comments.html?post=p&per_page=0", method: .get)))
            for (name, response) in responses {
                #expect(response.headers[.cacheControl] == "no-store", "\(name)")
                #expect(response.headers[.eTag] == nil, "\(name)")
            }
            // Pending comments never reach a public list.
            #expect(!(try await client.execute(uri: "/comments?post=demo", method: .get).bodyText.contains("held for a moderator")))
        }
    }
}

final class RenderTally: Sendable {
    let count = Mutex(0)
}
