import COpenSSL
import Synchronization

/// Random bytes from libcrypto's DRBG, fetched a few kilobytes at a time and handed out in small
/// pieces (AES-GCM nonces). The bytes are the same DRBG output `SecureRandom` gives; only the
/// per-call cost goes: one `RAND_bytes` call cost as much as sealing the rest of an email.
/// Each byte is handed out once.
public final class BufferedRandom: Sendable {
    private struct Pool {
        var bytes: [UInt8]
        var used: Int
    }

    private let pool: Mutex<Pool>
    private let refillSize: Int

    public init(refillSize: Int = 4096) {
        precondition(refillSize > 0)
        self.refillSize = refillSize
        pool = Mutex(Pool(bytes: [UInt8](repeating: 0, count: refillSize), used: refillSize))
    }

    /// `count` random bytes, never handed out before. Stops the process if the generator fails.
    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= refillSize, "invalid random byte count \(count)")
        return pool.withLock { pool in
            if pool.bytes.count - pool.used < count {
                pool.bytes.withUnsafeMutableBufferPointer { buffer in
                    guard RAND_bytes(buffer.baseAddress, Int32(buffer.count)) == 1 else {
                        fatalError("RAND_bytes failed: \(LibcryptoErrorQueue.drain())")
                    }
                }
                pool.used = 0
            }
            defer { pool.used += count }
            return Array(pool.bytes[pool.used..<(pool.used + count)])
        }
    }
}
