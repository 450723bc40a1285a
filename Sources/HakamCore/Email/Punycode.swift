/// Punycode (RFC 3492), the Bootstring encoding IDNA uses to spell Unicode labels in ASCII
/// (the part after `xn--`). Written here rather than pulled from a package: it is about a
/// hundred lines and the RFC's sample strings pin it down completely.
///
/// Both directions work on whole labels and know nothing about IDNA (no `xn--` prefix, no
/// case folding, no validity rules); `IDNA` adds those.
public enum Punycode {
    // Bootstring parameters for Punycode, RFC 3492 §5.
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 0x80
    private static let delimiter = UInt8(ascii: "-")
    /// The RFC only requires maxint ≥ 2^26 − 1; 2^31 − 1 keeps every intermediate far inside `Int`.
    private static let maxInt = 0x7FFF_FFFF

    /// Encodes every Unicode scalar of `input`: basic (ASCII) scalars are copied in order,
    /// then a `-` if there were any, then the deltas for the rest. `"bücher"` → `"bcher-kva"`.
    public static func encode(_ input: String) throws(PunycodeError) -> String {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output: [UInt8] = scalars.filter { $0 < initialN }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(delimiter) }

        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            // The smallest code point not yet handled; exists because handled < count.
            guard let next = scalars.filter({ $0 >= n }).min() else { throw .badInput }
            guard next - n <= (maxInt - delta) / (handled + 1) else { throw .overflow }
            delta += (next - n) * (handled + 1)
            n = next
            for scalar in scalars {
                if scalar < n {
                    delta += 1
                    guard delta <= maxInt else { throw .overflow }
                }
                guard scalar == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = threshold(k, bias: bias)
                    if q < t { break }
                    output.append(digitCharacter(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digitCharacter(q))
                bias = adapt(delta, pointCount: handled + 1, firstTime: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a Punycode string back to Unicode. Digits are case-insensitive; the basic
    /// part keeps its case. Fails on anything the encoder could not have produced.
    public static func decode(_ input: String) throws(PunycodeError) -> String {
        let bytes = Array(input.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { throw .badInput }

        // Everything before the last delimiter is the basic part (it may itself contain '-').
        var output: [Int] = []
        var position = 0
        if let lastDelimiter = bytes.lastIndex(of: delimiter) {
            output = bytes[..<lastDelimiter].map { Int($0) }
            position = lastDelimiter + 1
        }

        var n = initialN
        var i = 0
        var bias = initialBias
        while position < bytes.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < bytes.count, let digit = digitValue(bytes[position]) else { throw .badInput }
                position += 1
                guard digit <= (maxInt - i) / weight else { throw .overflow }
                i += digit * weight
                let t = threshold(k, bias: bias)
                if digit < t { break }
                guard weight <= maxInt / (base - t) else { throw .overflow }
                weight *= base - t
                k += base
            }
            let length = output.count + 1
            bias = adapt(i - oldI, pointCount: length, firstTime: oldI == 0)
            guard i / length <= maxInt - n else { throw .overflow }
            n += i / length
            i %= length
            // A basic code point must never be encoded as a delta (RFC 3492 §6.2), and the
            // result must be a real scalar (no surrogates, nothing past U+10FFFF).
            guard n >= initialN, Unicode.Scalar(UInt32(n)) != nil else { throw .badInput }
            output.insert(n, at: i)
            i += 1
        }

        var result = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { throw .badInput }
            result.append(scalar)
        }
        return String(result)
    }

    private static func threshold(_ k: Int, bias: Int) -> Int {
        if k <= bias { return tMin }
        if k >= bias + tMax { return tMax }
        return k - bias
    }

    /// Bias adaptation, RFC 3492 §6.1.
    private static func adapt(_ delta: Int, pointCount: Int, firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / pointCount
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + ((base - tMin + 1) * delta) / (delta + skew)
    }

    /// 0–25 → `a`–`z`, 26–35 → `0`–`9` (lower case: IDNA A-labels are compared lower-cased).
    private static func digitCharacter(_ digit: Int) -> UInt8 {
        digit < 26 ? UInt8(ascii: "a") + UInt8(digit) : UInt8(ascii: "0") + UInt8(digit - 26)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }
}
