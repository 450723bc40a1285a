import Foundation
import GRDB
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Another process (the CLI, a backup) holding SQLite's write lock: submissions wait for it and
/// succeed, or — past the busy timeout — get 503 with Retry-After. Never a 500, never a lost comment.
@Suite("Write-lock contention")
struct ContentionTests {
    static let submissions = 8

    /// Sends `submissions` comments at once while another connection holds the write lock for
    /// `holdSeconds`; returns each response's status and Retry-After.
    func submitWhileLocked(_ test: TestApp, holdSeconds: Double) async throws -> [(status: Int, retryAfter: String?, body: String)] {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the lock must outlive one access
        let other = try DatabaseQueue(path: test.directory.appendingPathComponent("hakam.sqlite").path, configuration: configuration)
        return try await test.application().test(.router) { client in
            try await other.write { _ in }  // open the connection before the clock starts
            try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
            async let results = withThrowingTaskGroup(of: (Int, String?, String).self) { group in
                for index in 0..<Self.submissions {
                    group.addTask {
                        let response = try await client.postJSON(comment(email: "r\(index)@example.com", body: "contended comment \(index)"))
                        return (Int(response.status.code), response.headers[.retryAfter], response.bodyText)
                    }
                }
                var all: [(Int, String?, String)] = []
                for try await result in group { all.append(result) }
                return all
            }
            try await Task.sleep(for: .seconds(holdSeconds))
            try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
            return try await results.map { (status: $0.0, retryAfter: $0.1, body: $0.2) }
        }
    }

    @Test func submissionsWaitForAShortLockAndAllSucceed() async throws {
        let test = try TestApp(busyTimeout: 5)
        defer { test.remove() }
        let results = try await submitWhileLocked(test, holdSeconds: 1.5)
        #expect(results.map(\.status) == Array(repeating: 201, count: Self.submissions), "\(results.map(\.body))")
        #expect(try await test.commentCount() == Self.submissions)
    }

    @Test func aLockPastTheBusyTimeoutIs503WithRetryAfterAndLosesNothing() async throws {
        let test = try TestApp(busyTimeout: 0.3)
        defer { test.remove() }
        let results = try await submitWhileLocked(test, holdSeconds: 1.5)
        #expect(results.allSatisfy { [201, 503].contains($0.status) }, "\(results.map(\.status))")
        let refused = results.filter { $0.status == 503 }
        #expect(!refused.isEmpty, "the lock outlived the busy timeout")
        for response in refused {
            #expect(response.retryAfter.flatMap(Int.init).map { $0 > 0 } == true)
            #expect(response.body.contains("storage_unavailable"))
        }
        // What was acknowledged is stored, what was refused is not: the client may safely retry.
        #expect(try await test.commentCount() == results.filter { $0.status == 201 }.count)
    }
}
