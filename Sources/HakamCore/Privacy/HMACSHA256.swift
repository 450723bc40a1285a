import COpenSSL

/// HMAC-SHA-256 (RFC 2104 / FIPS 198-1) via libcrypto's one-shot `HMAC()`.
public enum HMACSHA256 {
    /// Output size in bytes.
    public static let byteCount = 32

    /// The 32-byte MAC of `message` under `key` (any key length; keys over 64 bytes are
    /// hashed first, as the standard says).
    public static func authenticate(_ message: some Sequence<UInt8>, key: [UInt8]) -> [UInt8] {
        let data = Array(message)
        var out = [UInt8](repeating: 0, count: byteCount)
        var outLength: UInt32 = 0
        // libcrypto wants non-null pointers even for empty inputs.
        let keyBuffer = key.isEmpty ? [0] : key
        let dataBuffer = data.isEmpty ? [0] : data
        let result = keyBuffer.withUnsafeBytes { keyBytes in
            dataBuffer.withUnsafeBytes { dataBytes in
                HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(key.count),
                     dataBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), data.count,
                     &out, &outLength)
            }
        }
        guard result != nil, outLength == UInt32(byteCount) else {
            fatalError("HMAC-SHA-256 failed in libcrypto: \(LibcryptoErrorQueue.drain())")
        }
        return out
    }

    /// Convenience for text messages: the MAC of their UTF-8 bytes.
    public static func authenticate(_ message: String, key: [UInt8]) -> [UInt8] {
        authenticate(Array(message.utf8), key: key)
    }
}
