/// Whether bytes read from the database can be written out as they are: well-formed UTF-8
/// (Unicode 15, table 3-7: no overlong forms, surrogates or values past U+10FFFF) with no NUL.
/// Text that fails takes the `String` path, which repairs it the way the HTTP API does.
public enum UTF8Validation {
    public static func isWellFormedWithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let count = bytes.count
        while index < count {
            // Plain ASCII without NUL, eight bytes at a time.
            if index + 8 <= count {
                let word = WordScan.load(base, index)
                if word & WordScan.highBits == 0 && !WordScan.hasByte(below: 1, in: word) {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            // Two-byte sequences first: Arabic letters are.
            if lead >= 0xC2 && lead <= 0xDF {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
                continue
            }
            if lead < 0x80 {
                guard lead != 0 else { return false }
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the second byte's range
            switch lead {
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= low, second <= high else { return false }
            var next = index + 2
            while next < index + length {
                guard base[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index += length
        }
        return true
    }
}
