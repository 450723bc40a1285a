import ArgumentParser
import Foundation
import GRDB
import HakamCore
import HakamStore
@testable import HakamCLI
import HakamSQLite

/// A database and key file in a fresh temp folder, comments added the way the server adds them,
/// and commands run through `HakamCommand.parseAsRoot` with a capturing console.
struct ModerationCLIFixture {
    let directory: URL
    let databasePath: String
    let keyPath: String
    let database: AppDatabase
    let protector: PrivacyProtector
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hakam-cli-moderation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databasePath = directory.appendingPathComponent("hakam.sqlite").path
        keyPath = databasePath + ".key"
        database = try AppDatabase(path: databasePath)
        protector = PrivacyProtector(master: try MasterKey.loadOrCreate(at: keyPath))
    }

    /// The private values a test must never see in output.
    static let secretEmail = "ali.secret@example.com"
    static let secretIP = "203.0.113.77"
    var secrets: [String] {
        [Self.secretEmail, protector.emailHash(try! EmailAddress(parsing: Self.secretEmail)), protector.ipHash(Self.secretIP)]
    }

    @discardableResult
    func add(
        _ body: String = "hello there", email: String = secretEmail, name: String = "Ali", post: String = "p",
        parent: Int64? = nil, action: ModerationAction = .hold, reasons: [Reason] = [Reason(code: "test.reason", weight: 1)],
        minutesAgo: Double = 10
    ) async throws -> Int64 {
        let address = try EmailAddress(parsing: email)
        let comment = NewComment(
            postKey: post, parentID: parent, name: name, url: nil, body: body, emailHash: protector.emailHash(address),
            emailSealed: protector.seal(address), ipHash: protector.ipHash(Self.secretIP), userAgent: "agent",
            bodyDigest: SHA256Digest.hex(body + UUID().uuidString), createdAt: now.addingTimeInterval(-minutesAgo * 60))
        let verdict = Verdict(action: action, score: reasons.reduce(0) { $0 + $1.weight }, reasons: reasons, policyVersion: "v1")
        return try await database.submit(comment) { _ in verdict }.0.id!
    }

    struct Result {
        var stdout: String
        var stderr: String
        var exitCode: Int32
        /// What the binary would print for the error (ArgumentParser's message).
        var message: String
    }

    /// Runs `hakam ARGUMENTS --db … --key-file …` in-process, as the binary would.
    func run(_ arguments: [String], console: TerminalConsole? = nil, environment: [String: String] = ["USER": "tester"]) async -> Result {
        let console = console ?? .capturing(environment: environment, now: now)
        do {
            let command = try HakamCommand.parseAsRoot(arguments + ["--db", databasePath, "--key-file", keyPath])
            guard let runnable = command as? any ConsoleCommand else { fatalError("\(type(of: command)) is not a ConsoleCommand") }
            try await runnable.execute(console)
            return Result(stdout: console.sink.standardOutput, stderr: console.sink.standardError, exitCode: 0, message: "")
        } catch {
            return Result(stdout: console.sink.standardOutput, stderr: console.sink.standardError,
                          exitCode: HakamCommand.exitCode(for: error).rawValue, message: HakamCommand.message(for: error))
        }
    }

    func status(_ id: Int64) async throws -> CommentStatus? {
        try await database.writer.read { db in try CommentStatus.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [id]) }
    }

    func events(_ id: Int64) async throws -> [ModerationEventRecord] {
        try await database.history(commentID: id)
    }
}
