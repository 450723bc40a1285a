import Foundation
@testable import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport

/// An article with 5,000 published comments: pages hold whole threads, every comment appears
/// exactly once, and a reply is always on its root's page after its parent.
@Suite("public lists: a large article")
struct LargePostPagingTests {
    /// Every third comment starts a thread; the others reply to the comment before (so chains
    /// run across what a page of comments would cut) or, every seventh, to a thread's root.
    static func parent(of index: Int) -> Int? {
        if index % 3 == 0 { return nil }
        return index % 7 == 0 ? index - index % 3 : index - 1
    }

    @Test func fiveThousandCommentsPageByThread() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let count = 5_000
        let ids = try await test.temporary.raw.insertComments(post: "big", count: count, parents: Self.parent)
        let parentOf = Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], Self.parent(of: $0).map { ids[$0] }) })
        try await test.application().test(.router) { client in
            var seen: [Int64] = []
            var page = 1
            var pages = 0
            repeat {
                let response = try await client.execute(uri: "/comments?post=big&per_page=100&page=\(page)", method: .get)
                #expect(response.status == .ok)
                let json = try response.json
                #expect(json["total"] as? Int == count)
                #expect(json["threads"] as? Int == 1_667)
                pages = try #require(json["pages"] as? Int)
                let comments = try #require(json["comments"] as? [[String: Any]])
                let onPage = comments.compactMap { ($0["id"] as? Int).map(Int64.init) }
                let here = Set(onPage)
                var earlier: Set<Int64> = []
                var roots = 0
                for id in onPage {
                    if let parent = parentOf[id] ?? nil {
                        #expect(here.contains(parent), "reply \(id) is on another page than its parent \(parent)")
                        #expect(earlier.contains(parent), "reply \(id) comes before its parent \(parent)")
                    } else {
                        roots += 1
                    }
                    earlier.insert(id)
                }
                #expect(roots == (page < pages ? 100 : 67))
                seen += onPage
                page += 1
            } while page <= pages
            #expect(pages == 17)
            #expect(seen.count == count && Set(seen) == Set(ids))

            let past = try await client.execute(uri: "/comments?post=big&per_page=100&page=18", method: .get)
            #expect(try (past.json["comments"] as? [Any])?.isEmpty == true)

            let html = try await client.execute(uri: "/comments.html?post=big&lang=en&page=2", method: .get).bodyText
            #expect(html.contains("5000 comments"))
            #expect(html.contains("rel=\"prev\" href=\"?post=big&amp;page=1&amp;lang=en\""))
            #expect(html.contains("rel=\"next\" href=\"?post=big&amp;page=3&amp;lang=en\""))
        }
    }

    @Test(arguments: ["per_page=101", "per_page=100000", "per_page=0", "per_page=-1", "page=0", "per_page=ten"])
    func perPageIsBounded(_ query: String) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/comments?post=big&\(query)", method: .get, headers: [.acceptLanguage: "en"])
            #expect(response.status == .badRequest)
            let json = try response.json
            #expect(json["error"] as? String == "bad_query")
            #expect((json["message"] as? String)?.contains("per_page at most 100") == true)
            #expect(try await client.execute(uri: "/comments.html?post=big&\(query)", method: .get).status == .badRequest)
        }
    }
}
