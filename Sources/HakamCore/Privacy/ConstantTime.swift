import COpenSSL

/// Comparisons of secrets that take the same time wherever the first difference is, so a
/// remote caller cannot learn a MAC byte by byte from response times.
enum ConstantTime {
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        // The lengths of MACs are public; only the contents need hiding.
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return lhs.withUnsafeBytes { a in
            rhs.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, lhs.count) == 0 }
        }
    }
}
