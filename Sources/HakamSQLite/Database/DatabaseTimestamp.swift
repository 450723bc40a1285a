import Foundation
import GRDB
import HakamCore
import HakamStore

/// Dates as GRDB stores them (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), formatted with integer arithmetic:
/// GRDB's own encoding goes through an ICU `DateFormatter`, which is slow on the submit path. The
/// text is identical (a test compares them), so columns written either way sort together.
enum DatabaseTimestamp {
    static func string(_ date: Date) -> String {
        ISO8601Timestamp.database(date)
    }

    /// For records: every `Date` column through `string(_:)`.
    static let encodingStrategy = DatabaseDateEncodingStrategy.custom { string($0) }
}
