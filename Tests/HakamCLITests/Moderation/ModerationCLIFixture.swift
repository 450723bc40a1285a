import ArgumentParser
import Foundation
import HakamCore
import HakamStore
@testable import HakamCLI
import HakamSQLite
import HakamTestSupport

/// A database and key file in a fresh temp folder, comments added the way the server adds them,
/// and commands run through `HakamCommand.parseAsRoot` with a capturing console.
struct ModerationCLIFixture {
    let temporary: TemporaryDatabase
    let protector: PrivacyProtector
    let now = TestClock.start

    init() throws {
        temporary = try TemporaryDatabase(prefix: "hakam-cli-moderation")
        protector = PrivacyProtector(master: try MasterKey.loadOrCreate(at: temporary.keyPath))
    }

    var directory: URL { temporary.directory }
    var databasePath: String { temporary.path }
    var keyPath: String { temporary.keyPath }
    var database: AppDatabase { temporary.database }
    /// Typed reads of what is stored.
    var probe: DatabaseProbe { temporary.probe }
    var comments: CommentBuilder { CommentBuilder(store: database, protector: protector, now: now) }

    /// The private values a test must never see in output.
    static let secretEmail = CommentBuilder.email
    static let secretIP = CommentBuilder.ip
    var secrets: [String] {
        [Self.secretEmail, protector.emailHash(try! EmailAddress(parsing: Self.secretEmail)), protector.ipHash(Self.secretIP)]
    }

    /// A comment stored as the server stores it, ten minutes old unless told otherwise.
    @discardableResult
    func add(
        _ body: String = "hello there", email: String = secretEmail, name: String = "Ali", post: String = "p",
        parent: Int64? = nil, action: ModerationAction = .hold, reasons: [Reason] = [Reason(code: "test.reason", weight: 1)],
        minutesAgo: Double = 10
    ) async throws -> Int64 {
        try await comments.add(body, email: email, name: name, post: post, parent: parent, action: action, reasons: reasons, minutesAgo: minutesAgo)
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

    func status(_ id: Int64) async throws -> CommentStatus? { try await probe.status(of: id) }

    func events(_ id: Int64) async throws -> [ModerationEventRecord] { try await probe.events(of: id) }
}
