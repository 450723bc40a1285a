import Foundation
import GRDB

/// Dates as GRDB stores them (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), formatted with integer arithmetic:
/// GRDB's own encoding goes through an ICU `DateFormatter`, which cost several percent of a
/// submission's CPU time. The text is identical, so columns written either way sort together.
enum DatabaseTimestamp {
    static func string(_ date: Date) -> String {
        // Rounded to the nearest millisecond, as ICU does.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, msOfDay) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
        let (year, month, dayOfMonth) = civil(daysSinceEpoch: day)
        let hour = msOfDay / 3_600_000, minute = msOfDay / 60_000 % 60, second = msOfDay / 1000 % 60, ms = msOfDay % 1000
        var bytes = [UInt8]()
        bytes.reserveCapacity(23)
        func append(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4); bytes.append(45); append(month, digits: 2); bytes.append(45); append(dayOfMonth, digits: 2)
        bytes.append(32)
        append(hour, digits: 2); bytes.append(58); append(minute, digits: 2); bytes.append(58); append(second, digits: 2)
        bytes.append(46); append(ms, digits: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// For records: every `Date` column through `string(_:)`.
    static let encodingStrategy = DatabaseDateEncodingStrategy.custom { string($0) }
}
