extension ISO8601Timestamp {
    /// Whether `text` is the database's `YYYY-MM-DD HH:MM:SS.mmm` (GRDB's form, UTC) for a real
    /// instant: then `appendDatabaseMilliseconds` writes what `parseDatabase` followed by
    /// `append` would, without the round trip through `Date`. Anything else (no milliseconds,
    /// February 30th, second 60) must go through `Date`, which normalises it.
    public static func isDatabaseMilliseconds(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count == 23,
              text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: " "),
              text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"), text[19] == UInt8(ascii: ".")
        else { return false }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = text[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              number(20, 3) != nil,
              year >= 1, (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 60
        else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` from text that passed `isDatabaseMilliseconds`.
    public static func appendDatabaseMilliseconds(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        ByteCursor.append(to: &bytes, capacity: 24) { writeDatabaseMilliseconds(text, to: &$0) }
    }

    public static func writeDatabaseMilliseconds(_ text: UnsafeBufferPointer<UInt8>, to cursor: inout ByteCursor) {
        cursor.put(UnsafeBufferPointer(rebasing: text[0..<10]))
        cursor.put(UInt8(ascii: "T"))
        cursor.put(UnsafeBufferPointer(rebasing: text[11..<23]))
        cursor.put(UInt8(ascii: "Z"))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
