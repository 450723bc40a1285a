import Foundation
import HakamCore
import HakamStore

/// Small shared formatting for moderation output.
enum ModerationFormat {
    /// `45s`, `12m`, `5h`, `3d`: how long ago, compact for a column.
    static func age(from date: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<(48 * 3600): return "\(seconds / 3600)h"
        default: return "\(seconds / 86400)d"
        }
    }

    /// UTC, to the second: `2025-03-01 14:05:09Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).dateTimeSeparator(.space).timeZone(separator: .omitted))
    }

    static func score(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func color(for status: CommentStatus) -> TerminalStyle.Color {
        switch status {
        case .pending: .yellow
        case .approved: .green
        case .spam: .red
        case .trash: .magenta
        }
    }

    static func reasonCodes(_ reasons: [Reason]) -> String {
        reasons.isEmpty ? "-" : reasons.map(\.code).joined(separator: ",")
    }

    /// `name: first line of the body`, with `↪#9` in front of a reply: the free-text part of a
    /// row, always placed last so right-to-left text cannot reorder the columns before it.
    static func authorAndText(_ comment: ModeratedComment) -> String {
        let reply = comment.parentID.map { "↪#\($0) " } ?? ""
        return reply + TerminalText.singleLine(comment.name) + ": " + TerminalText.firstLine(comment.body)
    }

    /// `#12 pending → approved`.
    static func transition(_ outcome: DecisionOutcome, style: TerminalStyle) -> String {
        guard outcome.changed else {
            return "#\(outcome.commentID) already \(style.apply(outcome.to.rawValue, color(for: outcome.to)))"
        }
        return "#\(outcome.commentID) \(outcome.from.rawValue) → \(style.apply(outcome.to.rawValue, color(for: outcome.to)))"
    }

    /// `30d`, `12h`, `90m`, `2w`, `45s` → seconds.
    static func duration(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0 else { return nil }
        switch unit {
        case "s": return amount
        case "m": return amount * 60
        case "h": return amount * 3600
        case "d": return amount * 86400
        case "w": return amount * 7 * 86400
        default: return nil
        }
    }

    /// `--until`: a duration from now (`30d`), a date (`2025-12-31`: through the end of that
    /// day, UTC) or an ISO 8601 date-time (`2025-12-31T18:00:00Z`).
    static func until(_ text: String, now: Date) -> Date? {
        if let seconds = duration(text) { return now.addingTimeInterval(seconds) }
        if let dateTime = try? Date(text, strategy: .iso8601) { return dateTime }
        if let day = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return day.addingTimeInterval(86400) }
        return nil
    }
}
