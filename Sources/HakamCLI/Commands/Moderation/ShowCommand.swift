import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam show ID`: one comment with everything a moderator needs to decide.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a comment: text, reasons, author history, the comment it replies to, and its audit trail.",
        discussion: "Never shows the email, unless --reveal-email, which is itself recorded in the audit trail (action reveal_email).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions

    @Argument(help: "The comment id.") var id: Int64
    @Flag(help: "One JSON object instead of text.") var json = false
    @Flag(name: .customLong("reveal-email"), help: "Decrypt and show the author's email (needs the key file; audited).")
    var revealEmail = false
    @Option(help: ArgumentHelp("Why the email is revealed, for the audit trail.", valueName: "text")) var note: String?

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let now = console.now()
            var email: String?
            if revealEmail {
                let protector = try global.loadExistingProtector()
                let commentID = id
                email = try await database.revealEmail(commentID: id, actor: moderator.actor(in: console), note: note, now: now) { sealed in
                    do { return try protector.openSealedEmail(sealed) } catch { throw CLIError("cannot open the sealed email of #\(commentID): \(error)") }
                }
            }
            // Read after the reveal, so the trail shown includes it.
            guard let detail = try await database.commentDetail(id: id, now: now) else {
                if try await !database.history(commentID: id).isEmpty {
                    throw CLIError("comment #\(id) was purged; `hakam history \(id)` shows its audit trail")
                }
                throw CLIError("no comment #\(id)")
            }
            if json {
                console.print(try ModerationJSON.line(Output(detail, email: email)))
            } else {
                render(detail, email: email, now: now, console: console)
            }
        } catch {
            throw moderationFailure(error)
        }
    }

    struct Output: Encodable {
        struct Author: Encodable {
            var approved: Int
            var spam: Int
            var comments: Int
            var firstSeenAt: Date
            var banned: Bool
            enum CodingKeys: String, CodingKey {
                case approved, spam, comments, banned
                case firstSeenAt = "first_seen_at"
            }
        }
        var comment: ModerationJSON.Comment
        var author: Author?
        var parent: ModerationJSON.Comment?
        var replies: Int
        var events: [ModerationJSON.Event]
        var email: String?

        init(_ detail: CommentDetail, email: String?) {
            comment = .init(detail.comment)
            author = detail.author.map {
                Author(approved: $0.approvedCount, spam: $0.spamCount, comments: $0.commentCount, firstSeenAt: $0.firstSeenAt, banned: $0.isBanned)
            }
            parent = detail.parent.map(ModerationJSON.Comment.init)
            replies = detail.replyCount
            events = detail.events.map(ModerationJSON.Event.init)
            self.email = email
        }
    }

    private func render(_ detail: CommentDetail, email: String?, now: Date, console: TerminalConsole) {
        let style = console.style
        let comment = detail.comment
        console.print("\(style.bold("#\(comment.id)"))  \(style.apply(comment.status.rawValue, ModerationFormat.color(for: comment.status)))"
            + "  score \(ModerationFormat.score(comment.score))  policy \(comment.policyVersion.prefix(12))")
        console.print("post     \(TerminalText.singleLine(comment.postKey))")
        console.print("posted   \(ModerationFormat.timestamp(comment.createdAt)) (\(ModerationFormat.age(from: comment.createdAt, to: now)) ago)")
        if let parent = detail.parent {
            console.print("reply to #\(parent.id) (\(parent.status.rawValue)) \(TerminalText.truncate(ModerationFormat.authorAndText(parent), toWidth: max(20, console.width - 30)))")
        } else if let parentID = comment.parentID {
            console.print("reply to #\(parentID) (deleted)")
        }
        if detail.replyCount > 0 { console.print("replies  \(detail.replyCount)") }
        console.print("name     \(TerminalText.singleLine(comment.name))")
        if let url = comment.url { console.print("url      \(TerminalText.singleLine(url))") }
        if let email { console.print("email    \(style.apply(email, .red))  (revealed; recorded in the audit trail)") }
        if let author = detail.author {
            console.print("author   \(author.approvedCount) approved, \(author.spamCount) spam, \(author.commentCount) comment\(author.commentCount == 1 ? "" : "s") since "
                + ModerationFormat.timestamp(author.firstSeenAt) + (author.isBanned ? "  " + style.apply("BANNED", .red) : ""))
        } else {
            console.print("author   forgotten (no history)")
        }
        console.print()
        for line in TerminalText.sanitizedLines(comment.body) { console.print("    " + line) }
        console.print()
        if comment.reasons.isEmpty {
            console.print("reasons  none")
        } else {
            console.print(style.bold("reasons"))
            for reason in comment.reasons {
                var parts = [style.apply(reason.code, .cyan), "+" + ModerationFormat.score(reason.weight)]
                if let field = reason.field { parts.append(field) }
                if let floor = reason.minimumAction { parts.append("at least \(floor.rawValue)") }
                if let detail = reason.detail { parts.append(TerminalText.singleLine(detail)) }
                // The quote last: it may be right-to-left.
                if let quote = reason.quote { parts.append("“" + TerminalText.singleLine(quote) + "”") }
                console.print("  " + parts.joined(separator: "  "))
            }
        }
        console.print()
        console.print(style.bold("history"))
        for line in HistoryCommand.table(detail.events).render(width: console.width, style: style).dropFirst() {
            console.print("  " + line)
        }
    }
}
