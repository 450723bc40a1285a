import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam queue`: the comments waiting for a moderator, oldest first.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List comments to moderate, oldest first, with score and reasons.",
        discussion: """
            Columns: id, age, score, post, reason codes, then the author's name and the first line \
            of the text (last, so right-to-left text cannot disturb the columns; ↪#N marks a reply). \
            --json prints one object: {"total": N, "comments": [...]}. Never shows email or IP.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "pending, approved, spam, trash or all.") var status: StatusChoice = .pending
    @Option(help: ArgumentHelp("Only comments on this post (its key).", valueName: "key")) var post: String?
    @Option(help: ArgumentHelp("Only comments with this reason code (e.g. links.many).", valueName: "code")) var reason: String?
    @Option(help: ArgumentHelp("Only comments newer than a duration (30m, 12h, 7d) or an ISO 8601 date.", valueName: "when")) var since: String?
    @Option(help: "Show at most this many.") var limit = 50
    @Flag(help: "One JSON object instead of a table.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let since, Self.sinceDate(since, now: Date()) == nil {
            throw ValidationError("--since must be a duration like 12h or 7d, or an ISO 8601 date")
        }
    }

    static func sinceDate(_ text: String, now: Date) -> Date? {
        if let seconds = ModerationFormat.duration(text) { return now.addingTimeInterval(-seconds) }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let now = console.now()
            let filter = QueueFilter(statuses: status.statuses, postKey: post, reasonCode: reason,
                                     since: since.flatMap { Self.sinceDate($0, now: now) }, limit: limit)
            let page = try await database.queue(filter)
            if json {
                struct Output: Encodable { var total: Int; var comments: [ModerationJSON.Comment] }
                console.print(try ModerationJSON.line(Output(total: page.total, comments: page.comments.map(ModerationJSON.Comment.init))))
                return
            }
            render(page, now: now, console: console)
        } catch {
            throw moderationFailure(error)
        }
    }

    private func render(_ page: QueuePage, now: Date, console: TerminalConsole) {
        let label = status == .all ? "" : status.rawValue + " "
        guard !page.comments.isEmpty else {
            console.print("no \(label)comments" + (post.map { " on \($0)" } ?? "") + (reason.map { " with reason \($0)" } ?? ""))
            return
        }
        let showStatus = status == .all
        var columns: [TerminalTable.Column] = [
            .init(title: "ID", alignRight: true), .init(title: "AGE", alignRight: true),
        ]
        if showStatus { columns.append(.init(title: "STATUS")) }
        columns += [
            .init(title: "SCORE", alignRight: true), .init(title: "POST", maxWidth: 24),
            .init(title: "REASONS", maxWidth: 30), .init(title: "AUTHOR: TEXT"),
        ]
        var table = TerminalTable(columns)
        for comment in page.comments {
            var row: [TerminalTable.Cell] = [
                .init("#\(comment.id)", .bold), .init(ModerationFormat.age(from: comment.createdAt, to: now)),
            ]
            if showStatus { row.append(.init(comment.status.rawValue, ModerationFormat.color(for: comment.status))) }
            row += [
                .init(ModerationFormat.score(comment.score)), .init(comment.postKey),
                .init(ModerationFormat.reasonCodes(comment.reasons), .cyan), .init(ModerationFormat.authorAndText(comment)),
            ]
            table.append(row)
        }
        for line in table.render(width: console.width, style: console.style) { console.print(line) }
        if page.total > page.comments.count {
            console.print(console.style.dim("showing \(page.comments.count) of \(page.total) \(label)comments (--limit to see more)"))
        }
    }
}
