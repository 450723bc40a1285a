import Foundation
import HakamHTTP
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

/// Another process (the CLI, a backup) holding SQLite's write lock: submissions wait for it and
/// succeed, or — past the busy timeout — get 503 with Retry-After. Never a 500, never a lost comment.
@Suite("Write-lock contention")
struct ContentionTests {
    static let submissions = 8

    /// Sends `submissions` comments at once while another connection holds the write lock for
    /// `holdSeconds`; returns each response's status and Retry-After.
    func submitWhileLocked(_ test: TestApp, holdSeconds: Double, probeFirst: Bool = false) async throws -> [(status: Int, retryAfter: String?, body: String)] {
        let other = try WriteLockHolder(path: test.temporary.path, busyTimeout: 0.1)
        return try await test.application().test(.router) { client in
            var requests: Task<[(status: Int, retryAfter: String?, body: String)], any Error>?
            var first: (status: Int, retryAfter: String?, body: String)?
            try await other.holdingWriteLock {
                if probeFirst {
                    // One submission while the lock is surely held: it waits the busy timeout, then 503.
                    let response = try await client.postJSON(comment(email: "first@example.com", body: "contended comment first"))
                    first = (Int(response.status.code), response.headers[.retryAfter], response.bodyText)
                }
                requests = Task {
                    try await withThrowingTaskGroup(of: (status: Int, retryAfter: String?, body: String).self) { group in
                        for index in 0..<Self.submissions {
                            group.addTask {
                                let response = try await client.postJSON(comment(email: "r\(index)@example.com", body: "contended comment \(index)"))
                                return (Int(response.status.code), response.headers[.retryAfter], response.bodyText)
                            }
                        }
                        var all: [(status: Int, retryAfter: String?, body: String)] = []
                        for try await result in group { all.append(result) }
                        return all
                    }
                }
                try await Task.sleep(for: .seconds(holdSeconds))
            }
            return try await (first.map { [$0] } ?? []) + requests!.value
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
        let results = try await submitWhileLocked(test, holdSeconds: 1.5, probeFirst: true)
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
