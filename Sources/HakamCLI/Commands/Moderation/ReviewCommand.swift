import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `hakam review`: interactive triage, one pending comment at a time, single keys to decide.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Work through pending comments one at a time with single keys.",
        discussion: """
            Keys: a approve · s spam · t trash · h hold (skip) · u undo the last decision · \
            b ban the author (by email hash) and mark spam · q quit. Needs a terminal.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var moderator: ModeratorOptions
    @Option(help: ArgumentHelp("Only comments on this post.", valueName: "key")) var post: String?
    @Option(help: ArgumentHelp("Only comments with this reason code.", valueName: "code")) var reason: String?
    @Option(help: "At most this many comments.") var limit = 500

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws { try await execute(.live()) }

    static let keyHelp = "a approve · s spam · t trash · h hold/skip · u undo · b ban author + spam · q quit"

    func execute(_ console: TerminalConsole) async throws {
        do {
            guard console.isInputTerminal else {
                throw CLIError("review needs a terminal; in scripts use `hakam queue` and `hakam approve|spam|trash ID...`")
            }
            let database = try global.teaching(await global.openExistingDatabase())
            let ids = try await database.commentIDs(matching: QueueFilter(statuses: [.pending], postKey: post, reasonCode: reason, limit: limit))
            var session = Session(database: database, console: console, actor: moderator.actor(in: console), ids: ids)
            try await session.run()
        } catch {
            throw moderationFailure(error)
        }
    }

    /// One review session: a cursor over the ids, and the decisions made (for `u`).
    struct Session {
        let database: any CommentStore
        let console: TerminalConsole
        let actor: String
        let ids: [Int64]
        var index = 0
        var decided: [(index: Int, id: Int64)] = []
        var tally: [String: Int] = [:]

        init(database: any CommentStore, console: TerminalConsole, actor: String, ids: [Int64]) {
            self.database = database
            self.console = console
            self.actor = actor
            self.ids = ids
        }

        mutating func run() async throws {
            let style = console.style
            guard !ids.isEmpty else {
                console.print("no pending comments")
                return
            }
            screens: while index < ids.count {
                let id = ids[index]
                guard let detail = try await database.commentDetail(id: id, now: console.now()) else {
                    console.print("#\(id) no longer exists; skipped")
                    index += 1
                    continue
                }
                guard detail.comment.status == .pending else {
                    console.print("#\(id) is now \(detail.comment.status.rawValue) (decided elsewhere); skipped")
                    index += 1
                    continue
                }
                show(detail)
                while true {
                    console.write(style.dim("[\(ReviewCommand.keyHelp)] ") )
                    guard let key = console.readKey() else {
                        console.print()
                        break screens
                    }
                    console.print(String(key).trimmingCharacters(in: .controlCharacters))
                    switch key {
                    case "a": if await decide(id, .approve) { continue screens }
                    case "s": if await decide(id, .spam) { continue screens }
                    case "t": if await decide(id, .trash) { continue screens }
                    case "h":
                        console.print("#\(id) held (still pending)")
                        tally["held", default: 0] += 1
                        index += 1
                        continue screens
                    case "u":
                        if await undoLast() { continue screens }
                    case "b":
                        do {
                            let ban = try await database.banAuthor(ofComment: id, expiresAt: nil, note: nil, actor: actor, now: console.now())
                            console.print("banned the author of #\(id) (ban \(ban.ban.id ?? 0); `hakam unban --id \(ban.ban.id ?? 0)` lifts it)")
                            tally["banned", default: 0] += 1
                        } catch {
                            console.printError("error: \(error)")
                        }
                        if await decide(id, .spam) { continue screens }
                    case "q", "\u{03}", "\u{04}":  // q, Ctrl-C, Ctrl-D
                        break screens
                    default:
                        console.print("keys: \(ReviewCommand.keyHelp)")
                    }
                }
            }
            let summary = ["approve", "spam", "trash", "held", "banned", "undo"].compactMap { key in tally[key].map { "\($0) \(key)" } }
            console.print("reviewed \(min(index, ids.count)) of \(ids.count)" + (summary.isEmpty ? "" : ": " + summary.joined(separator: ", ")))
        }

        private func show(_ detail: CommentDetail) {
            let style = console.style
            let comment = detail.comment
            console.print()
            console.print(style.bold("[\(index + 1) of \(ids.count)]") + "  #\(comment.id)  score \(ModerationFormat.score(comment.score))"
                + "  \(ModerationFormat.age(from: comment.createdAt, to: console.now())) ago  post \(TerminalText.truncate(TerminalText.singleLine(comment.postKey), toWidth: 40))")
            if let author = detail.author {
                console.print("author: \(author.approvedCount) approved, \(author.spamCount) spam" + (author.isBanned ? "  " + style.apply("BANNED", .red) : ""))
            }
            if let parent = detail.parent {
                console.print("reply to #\(parent.id) (\(parent.status.rawValue))")
            }
            console.print(style.bold(TerminalText.singleLine(comment.name)))
            let lines = TerminalText.sanitizedLines(comment.body)
            for line in lines.prefix(20) { console.print("    " + line) }
            if lines.count > 20 { console.print(style.dim("    … \(lines.count - 20) more lines (hakam show \(comment.id))")) }
            for reason in comment.reasons {
                var text = style.apply(reason.code, .cyan) + " +" + ModerationFormat.score(reason.weight)
                if let detail = reason.detail { text += "  " + TerminalText.singleLine(detail) }
                if let quote = reason.quote { text += "  “" + TerminalText.singleLine(quote) + "”" }
                console.print("  " + text)
            }
        }

        /// True when the cursor moved on.
        private mutating func decide(_ id: Int64, _ action: ModerationAction) async -> Bool {
            do {
                let outcome = try await database.decide(commentID: id, action: action, actor: actor, note: "review", expecting: [.pending], now: console.now())
                console.print(ModerationFormat.transition(outcome, style: console.style))
                decided.append((index, id))
                tally[action.rawValue, default: 0] += 1
                index += 1
                return true
            } catch {
                console.printError("error: \(moderationFailure(error))")
                return false
            }
        }

        /// Reverts this session's last decision and goes back to that comment.
        private mutating func undoLast() async -> Bool {
            guard let last = decided.popLast() else {
                console.print("nothing to undo in this session")
                return false
            }
            do {
                let outcome = try await database.undo(commentID: last.id, actor: actor, note: "review undo", now: console.now())
                console.print(ModerationFormat.transition(outcome, style: console.style) + " (undone)")
                tally["undo", default: 0] += 1
                index = last.index
                return true
            } catch {
                console.printError("error: \(moderationFailure(error))")
                return false
            }
        }
    }
}
