/// Integers in decimal without making a `String` (an export writes two or three a row).
public enum DecimalText {
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 {
            // Int64.min has no positive counterpart; the magnitude fits in UInt64.
            bytes.append(UInt8(ascii: "-"))
            append(magnitude: value.magnitude, to: &bytes)
        } else {
            append(magnitude: UInt64(value), to: &bytes)
        }
    }

    private static func append(magnitude: UInt64, to bytes: inout [UInt8]) {
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        // 20 digits hold UInt64.max; filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = magnitude
            var start = 20
            while remaining > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
