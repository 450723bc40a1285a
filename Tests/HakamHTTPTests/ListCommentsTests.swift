import Foundation
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

@Suite("GET /comments")
struct ListCommentsTests {
    @Test func listsOnlyApprovedCommentsOldestFirstWithPagination() async throws {
        var policy = TestApp.defaultPolicy
        policy.flood.enabled = false
        let test = try TestApp(policy: policy)
        defer { test.remove() }
        try await test.application().test(.router) { client in
            var ids: [Int] = []
            for index in 0..<5 {
                test.clock.advance(seconds: 1)
                let response = try await client.postJSON(comment(email: "u\(index)@example.com", body: "comment \(index)"))
                ids.append(try #require(try response.json["id"] as? Int))
            }
            _ = try await client.postJSON(comment(post: "other", body: "elsewhere"))
            for index in [0, 1, 3] { try await test.comments.decide(Int64(ids[index]), .approve) }
            try await test.comments.decide(Int64(ids[4]), .spam)
            let page1 = try await client.execute(uri: "/comments?post=article-1&per_page=2", method: .get)
            #expect(page1.status == .ok)
            let json = try page1.json
            #expect(json["total"] as? Int == 3)
            #expect(json["post"] as? String == "article-1")
            let first = try #require(json["comments"] as? [[String: Any]])
            #expect(first.map { $0["id"] as? Int } == [ids[0], ids[1]])
            #expect(first.allSatisfy { $0["status"] as? String == "approved" && $0["email"] == nil })

            let page2 = try await client.execute(uri: "/comments?post=article-1&per_page=2&page=2", method: .get)
            #expect(try (page2.json["comments"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[3]])

            let arabicKey = try await client.execute(uri: "/comments?post=%D9%85%D9%82%D8%A7%D9%84", method: .get)
            #expect(try arabicKey.json["total"] as? Int == 0)
        }
    }

    @Test(arguments: ["/comments", "/comments?post=", "/comments?post=a&per_page=101", "/comments?post=a&page=0", "/comments?post=a&page=x"])
    func badQueriesAre400(_ uri: String) async throws {
        let test = try TestApp()
        defer { test.remove() }
        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(try response.json["error"] as? String == "bad_query")
        }
    }
}
