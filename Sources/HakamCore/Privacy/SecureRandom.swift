import COpenSSL

/// Cryptographically secure random bytes from libcrypto's DRBG (`RAND_bytes`).
public enum SecureRandom {
    /// `count` random bytes. Stops the process if the generator fails: keys and nonces made
    /// from anything weaker must never be used.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "invalid random byte count \(count)")
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&buffer, Int32(count)) == 1 else {
            fatalError("RAND_bytes failed: \(LibcryptoErrorQueue.drain())")
        }
        return buffer
    }
}
