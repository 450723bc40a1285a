import Foundation
import HakamPostgres
import Testing
import HakamTestSupport

/// Two `hakam serve` processes on one PostgreSQL database, as a site with two nodes behind a
/// load balancer runs them, and the CLI beside them. Needs a cluster: `HAKAM_TEST_POSTGRES_URL`
/// (`.ci/postgres.sh start`); skipped, with that reason, without one.
@Suite(.serialized) struct TwoNodePostgresTests {
    static let clusterURL = ProcessInfo.processInfo.environment["HAKAM_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A fresh database on the cluster, a shared key file, two nodes on it.
    final class Site: @unchecked Sendable {
        let directory: URL
        let databaseName: String
        let admin: PostgresSettings
        let url: String
        let keyFile: String
        var nodes: [ServerProcess] = []

        init() async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-two-nodes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            admin = try PostgresSettings(url: TwoNodePostgresTests.clusterURL!)
            databaseName = "hakam_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let connection = PostgresStore.connect(admin)
            try await connection.execute("CREATE DATABASE \(databaseName)")
            await connection.close()
            var settings = admin
            settings.database = databaseName
            url = "postgres://\(admin.user)@\(admin.host):\(admin.port)/\(databaseName)?sslmode=disable"
            keyFile = directory.appendingPathComponent("shared.key").path
            // Behind a load balancer on this machine: the client address comes from X-Forwarded-For.
            let policy = directory.appendingPathComponent("policy.yml").path
            try "rate_limit:\n  enabled: false\ntrusted_proxies: [127.0.0.1/32]\n".write(toFile: policy, atomically: true, encoding: .utf8)
            // The first node creates the key file; the second is given the same file.
            for name in ["a", "b"] {
                nodes.append(try ServerProcess(directory: directory, arguments: ["--db", url, "--key-file", keyFile, "--policy", policy, "--db-timeout", "60"],
                                             logPath: directory.appendingPathComponent("node-\(name).log").path))
            }
        }

        /// `hakam ARGUMENTS --db URL --key-file KEY`: exit status and stdout.
        func cli(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = ServerProcess.binary
            process.arguments = arguments + ["--db", url, "--key-file", keyFile, "--db-timeout", "60"]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "USER": "moderator"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        func tearDown() async {
            for node in nodes { _ = node.stop() }
            let connection = PostgresStore.connect(admin)
            try? await connection.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
            await connection.close()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func comment(post: String, email: String, body: String) -> String {
        #"{"post":"\#(post)","name":"Reader","email":"\#(email)","body":"\#(body)"}"#
    }

    /// A submission from the client at `ip`, as the load balancer forwards it.
    static func post(port: Int, _ json: String, from ip: String) async -> RawHTTP.Reply? {
        await onThread {
            RawHTTP.exchange(port: port, RawHTTP.request("POST", "/comments", contentType: "application/json", body: Array(json.utf8),
                                                         extraHeaders: ["X-Forwarded-For: \(ip)"]))
        }
    }

    @Test(.enabled(if: clusterURL != nil && ServerProcess.binary != nil, "SKIPPED: needs HAKAM_TEST_POSTGRES_URL (.ci/postgres.sh start) and the built hakam binary"))
    func twoNodesShareDuplicatesBansAndDecisions() async throws {
        let site = try await Site()
        do {
            let (a, b) = (site.nodes[0].port, site.nodes[1].port)

            // The same comment to both nodes at the same moment: one stored, one duplicate.
            let json = Self.comment(post: "news-1", email: "twice@example.com", body: "the same words, sent twice")
            async let first = Self.post(port: a, json, from: "198.51.100.1")
            async let second = Self.post(port: b, json, from: "198.51.100.1")
            let statuses = [await first?.status, await second?.status].compactMap { $0 }.sorted()
            #expect(statuses == [201, 409])

            // The flood interval holds across nodes: the same author again at once, on the other node.
            #expect(await Self.post(port: a, Self.comment(post: "news-9", email: "fast@example.com", body: "one"), from: "198.51.100.5")?.status == 201)
            #expect(await Self.post(port: b, Self.comment(post: "news-9", email: "fast@example.com", body: "two"), from: "198.51.100.6")?.status == 429)

            // A ban made with the CLI refuses the author on both nodes.
            let ban = try site.cli(["ban", "--email", "banned@example.com"])
            #expect(ban.status == 0, "\(ban.output)")
            for (index, port) in [a, b].enumerated() {
                let reply = await Self.post(port: port, Self.comment(post: "news-1", email: "banned@example.com", body: "try \(index)"),
                                            from: "198.51.100.\(20 + index)")
                #expect(reply?.status == 403)
            }

            // A comment held on node A, approved with the CLI, is public on node B.
            let held = await Self.post(port: a, Self.comment(post: "news-2", email: "new@example.com", body: "first comment here"), from: "198.51.100.30")
            #expect(held?.status == 201)
            let object = try JSONSerialization.jsonObject(with: Data((held?.body ?? "{}").utf8)) as? [String: Any]
            let id = try #require(object?["id"] as? Int)
            #expect(object?["status"] as? String == "pending")
            let approve = try site.cli(["approve", String(id)])
            #expect(approve.status == 0, "\(approve.output)")
            let listed = await onThread { RawHTTP.exchange(port: b, RawHTTP.request("GET", "/comments?post=news-2")) }
            #expect(listed?.status == 200)
            #expect(listed?.body.contains("first comment here") == true)

            // Both nodes are ready, and the CLI reads the shared queue.
            for port in [a, b] {
                #expect(await onThread { RawHTTP.exchange(port: port, RawHTTP.request("GET", "/readyz")) }?.status == 200)
            }
            let queue = try site.cli(["queue", "--status", "all"])
            #expect(queue.status == 0, "\(queue.output)")
        } catch {
            await site.tearDown()
            throw error
        }
        await site.tearDown()
    }

    /// An unreachable database: a clear error within seconds, and the password nowhere in it.
    @Test(.enabled(if: ServerProcess.binary != nil, "SKIPPED: the hakam binary is not built"))
    func anUnreachableDatabaseFailsFastWithoutShowingThePassword() throws {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["migrate", "--db", "postgres://hakam:Sekr1t-pass@127.0.0.1:1/nowhere?sslmode=disable"]
        process.environment = ["PATH": "/usr/bin:/bin", "PGPASSWORD": "Other-Sekr1t"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let started = Date()
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(output.contains("postgres://hakam@127.0.0.1:1/nowhere"))
        #expect(!output.contains("Sekr1t"))
    }
}
