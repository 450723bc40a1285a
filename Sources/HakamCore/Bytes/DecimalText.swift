/// Integers in decimal without making a `String` (an export writes two or three a row).
public enum DecimalText {
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        ByteCursor.append(to: &bytes, capacity: 20) { write(value, to: &$0) }
    }

    /// At most 20 bytes: a sign and 19 digits.
    public static func write(_ value: Int64, to cursor: inout ByteCursor) {
        if value < 0 { cursor.put(UInt8(ascii: "-")) }
        // Int64.min has no positive counterpart; its magnitude fits in UInt64.
        var remaining = value.magnitude
        if remaining < 10 {
            cursor.put(UInt8(ascii: "0") + UInt8(remaining))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while remaining > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            cursor.put(UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
