import ArgumentParser
import Foundation
import HakamCore
import HakamNotify
import HakamStore

/// `hakam publish wordpress`: the backfill. Every approved comment gets its copy on the site
/// (created, or brought up to date), parents before replies; running it again changes nothing.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Push approved comments to a publishing site.", subcommands: [PublishWordPressCommand.self])
}

struct PublishWordPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wordpress",
        abstract: "Copy already-approved comments to the WordPress site of publishing.wordpress (idempotent).",
        discussion: """
            Comments that already have a copy are brought up to date, the others created, a reply's \
            parent first. --since selects by the time a comment last changed (its approval), like \
            `hakam export`. The running server publishes new approvals by itself.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only comments approved (changed) at or after this time, ISO 8601.", valueName: "time")) var since: String?

    /// A site that fails this many comments in a row is down or refusing: stop, not hammer it.
    static let failuresInARow = 10

    func validate() throws {
        if let since, ExportTime.parse(since) == nil { throw ValidationError("--since must be an ISO 8601 time like 2026-11-30T08:00:00Z") }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        let policy = try global.loadPolicy()
        guard let settings = policy.publishing.wordpress else {
            throw CLIError("publishing.wordpress is not configured in \(global.policySource.path)")
        }
        do {
            let database = try await global.openExistingDatabase()
            let publisher: WordPressPublisher
            do {
                publisher = try ChannelFactory(now: console.now).wordPressPublisher(settings, store: database)
            } catch {
                throw CLIError("publishing.wordpress: \(error.message)")
            }
            let sinceDate = since.flatMap(ExportTime.parse)
            let total = try await database.approvedCommentCount(since: sinceDate)
            let progress = ProgressBar(console: console, label: "publishing", total: total, minimumTotal: 1, checkEvery: 1)
            var tally = PublishTally()
            var last: Int64 = 0
            pages: while true {
                let ids = try await database.approvedCommentIDs(since: sinceDate, afterID: last, limit: 200)
                for id in ids {
                    do {
                        tally.count(try await publisher.sync(commentID: id))
                    } catch {
                        tally.failed += 1
                        tally.inARow += 1
                        progress.finish()
                        console.printError("comment \(id): \(error.message)")
                        if tally.inARow >= Self.failuresInARow {
                            console.printError("stopping: \(tally.inARow) comments failed in a row")
                            break pages
                        }
                    }
                    progress.advance()
                }
                guard let next = ids.last, ids.count == 200 else { break }
                last = next
            }
            progress.finish()
            console.print("\(publisher.site): \(tally.created) created, \(tally.updated) brought up to date, \(tally.failed) failed, of \(total) approved")
            if tally.failed > 0 { throw CLIError("\(tally.failed) comment\(tally.failed == 1 ? "" : "s") could not be published; run again to retry") }
        } catch let error as CLIError {
            throw error
        } catch {
            throw moderationFailure(error)
        }
    }
}

/// What a backfill did.
struct PublishTally {
    var created = 0
    var updated = 0
    var failed = 0
    var inARow = 0

    mutating func count(_ outcome: WordPressPublisher.Outcome) {
        inARow = 0
        switch outcome {
        case .created: created += 1
        case .updated: updated += 1
        case .deleted, .nothingToDo: break
        }
    }
}

extension PublishWordPressCommand: ConsoleCommand {}
