/// Eight bytes at a time (SWAR: "SIMD within a register"), for the export's scans of text that
/// is mostly plain: a word that passes is skipped whole, one that does not is read byte by byte.
/// https://graphics.stanford.edu/~seander/bithacks.html#ZeroInWord
enum WordScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether any byte of `word` is below `limit` (exact for limit ≤ 128).
    @inline(__always)
    static func hasByte(below limit: UInt64, in word: UInt64) -> Bool {
        (word &- ones &* limit) & ~word & highBits != 0
    }

    /// Whether any byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt64, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* byte))
    }
}
