import Foundation
import HakamCore

/// Comment dates in the reader's language (Arabic month names and digits for Arabic), in UTC:
/// the server does not know the reader's time zone, and the `<time datetime>` carries the instant.
enum CommentDateFormat {
    static func display(_ date: Date, language: Language) -> String {
        var style = Date.FormatStyle(date: .long, time: .shortened, timeZone: TimeZone(identifier: "UTC")!)
        style.locale = Locale(identifier: language == .arabic ? "ar" : "en_US")
        return date.formatted(style)
    }

    static func machine(_ date: Date) -> String {
        ISO8601Timestamp.format(date)
    }
}
