import Foundation
import GRDB
@testable import HakamStore
import Testing
@testable import HakamSQLite

@Suite struct DatabaseTimestampTests {
    /// The fast formatter must write exactly what GRDB writes, or old and new rows would sort apart.
    @Test func matchesGRDBStorageFormat() throws {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5), // 2000-02-29
                     Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: -86_400.25)]
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1000))
        }
        for date in dates {
            let expected = try #require(String.fromDatabaseValue(date.databaseValue))
            #expect(DatabaseTimestamp.string(date) == expected, "\(date.timeIntervalSince1970)")
        }
    }
}
