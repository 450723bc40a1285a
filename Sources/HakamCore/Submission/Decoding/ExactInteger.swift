/// The exact integer value of a JSON number's digits and exponent, without floating point, so `12.0`,
/// `1e3` and `150e-1` are ids but `1.5`, `1.0000000000000000001` and `9223372036854775808` are not.
enum ExactInteger {
    /// `digits` is the number's text without its sign and exponent: the integer digits, then the `.` (at
    /// `dotOffset`, or nowhere when that is past the end) and the fraction digits.
    static func value(digits: UnsafeBufferPointer<UInt8>, dotOffset: Int, exponent: Int, negative: Bool) -> Int64? {
        // The significant digits, without the dot, leading and trailing zeros; the scale moves with them.
        var significant: [UInt8] = []
        var scale = exponent
        for (offset, byte) in digits.enumerated() where offset != dotOffset {
            if offset > dotOffset { scale -= 1 }
            if significant.isEmpty && byte == UInt8(ascii: "0") { continue }
            significant.append(byte - UInt8(ascii: "0"))
        }
        while let last = significant.last, last == 0 {
            significant.removeLast()
            scale += 1
        }
        if significant.isEmpty { return 0 }
        guard scale >= 0, significant.count + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in significant + repeatElement(0, count: scale) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        return Int64(exactly: magnitude)
    }
}
