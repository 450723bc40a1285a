import Foundation

/// `2026-11-30T01:26:13.612Z`: UTC with milliseconds, the timestamp form of every public API
/// and export. Formatted with integer arithmetic because an export formats one per row and
/// `Date.ISO8601FormatStyle` costs microseconds each; a test holds both to the same output.
public enum ISO8601Timestamp {
    public static let formatStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Milliseconds are rounded to the nearest: the database keeps milliseconds, and a stored
    /// `.612` may come back as `.61199999…` in binary floating point.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        appendMilliseconds(date, separator: UInt8(ascii: "T"), to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DD`, `separator`, `HH:MM:SS.mmm` (milliseconds rounded to the nearest).
    private static func appendMilliseconds(_ date: Date, separator: UInt8, to bytes: inout [UInt8]) {
        let parts = Parts(date)
        appendDigits(parts.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(parts.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(parts.day, count: 2, to: &bytes)
        bytes.append(separator)
        appendTime(parts, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(parts.millisecond, count: 3, to: &bytes)
    }

    /// `2026-11-30 01:26:13.612`: the text GRDB stores a date as (UTC, milliseconds rounded to
    /// the nearest like ICU's formatter), written without ICU on the submit path.
    public static func database(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        appendMilliseconds(date, separator: UInt8(ascii: " "), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-11-30 01:26:13`: WordPress's `comment_date_gmt` form (UTC, whole seconds).
    public static func wordPressGMT(_ date: Date) -> String {
        let parts = Parts(date, roundingToMilliseconds: false)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        appendDigits(parts.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(parts.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(parts.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendTime(parts, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses WordPress's `YYYY-MM-DD HH:MM:SS` as UTC; nil for anything else, including
    /// WordPress's "no date" `0000-00-00 00:00:00`.
    public static func parseWordPress(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 else { return nil }
        return parseSeconds(bytes)
    }

    /// Parses the database's `YYYY-MM-DD HH:MM:SS.SSS` (UTC, as GRDB stores dates) without
    /// Foundation's calendar, which costs microseconds a row in an export.
    public static func parseDatabase(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 19, let seconds = parseSeconds(bytes) else { return nil }
            guard bytes.count > 19 else { return seconds }
            guard bytes[19] == UInt8(ascii: "."), bytes.count <= 29 else { return nil }
            var fraction = 0.0, scale = 1.0
            for byte in bytes[20...] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                fraction = fraction * 10 + Double(byte - UInt8(ascii: "0"))
                scale *= 10
            }
            return Date(timeIntervalSince1970: seconds.timeIntervalSince1970 + fraction / scale)
        }
    }

    private static func parseSeconds(_ bytes: some RandomAccessCollection<UInt8>) -> Date? {
        let bytes = Array(bytes.prefix(19))
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              year >= 1, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86400 + hour * 3600 + minute * 60 + second))
    }

    private struct Parts {
        var year, month, day, hour, minute, second, millisecond: Int

        init(_ date: Date, roundingToMilliseconds: Bool = true) {
            let totalMilliseconds: Int64
            if roundingToMilliseconds {
                totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
            } else {
                totalMilliseconds = Int64(date.timeIntervalSince1970.rounded(.down)) * 1000
            }
            let (seconds, milliseconds) = totalMilliseconds.floorDivided(by: 1000)
            let (days, secondOfDay) = seconds.floorDivided(by: 86400)
            (year, month, day) = ISO8601Timestamp.civil(fromDays: Int(days))
            hour = Int(secondOfDay / 3600)
            minute = Int(secondOfDay % 3600 / 60)
            second = Int(secondOfDay % 60)
            millisecond = Int(milliseconds)
        }
    }

    private static func appendTime(_ parts: Parts, to bytes: inout [UInt8]) {
        appendDigits(parts.hour, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(parts.minute, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(parts.second, count: 2, to: &bytes)
    }

    private static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar),
    // https://howardhinnant.github.io/date_algorithms.html
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int64 {
    /// Quotient rounded toward negative infinity and a non-negative remainder (dates before 1970).
    fileprivate func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let quotient = self / divisor, remainder = self % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
