import COpenSSL

/// An HMAC-SHA-256 key prepared once: the SHA-256 states after the inner and outer padded key
/// blocks (RFC 2104), so each MAC costs two state copies and the message's own blocks.
/// libcrypto's one-shot `HMAC()` looks the algorithm and the digest up by name and hashes both
/// key blocks again on every call, and a submission makes three MACs. A test holds the two to
/// the same output.
public final class HMACSHA256Key: @unchecked Sendable {
    // Immutable after init: calls only copy from these states (`EVP_MD_CTX_copy_ex` reads its
    // source), so one key serves concurrent requests.
    private let inner: OpaquePointer
    private let outer: OpaquePointer

    private static let blockByteCount = 64

    public init(_ key: [UInt8]) {
        var block = key.count > Self.blockByteCount ? SHA256Digest.hash(key) : key
        block += [UInt8](repeating: 0, count: Self.blockByteCount - block.count)
        inner = Self.state(after: block.map { $0 ^ 0x36 })
        outer = Self.state(after: block.map { $0 ^ 0x5C })
    }

    deinit {
        EVP_MD_CTX_free(inner)
        EVP_MD_CTX_free(outer)
    }

    /// The 32-byte MAC of `message`.
    public func authenticate(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        var innerHash = [UInt8](repeating: 0, count: HMACSHA256.byteCount)
        var mac = [UInt8](repeating: 0, count: HMACSHA256.byteCount)
        var length: UInt32 = 0
        let ok = EVP_MD_CTX_copy_ex(context, inner) == 1
            // An empty message adds nothing (and may have no base address).
            && (message.isEmpty || EVP_DigestUpdate(context, message.baseAddress, message.count) == 1)
            && EVP_DigestFinal_ex(context, &innerHash, &length) == 1
            && EVP_MD_CTX_copy_ex(context, outer) == 1
            && EVP_DigestUpdate(context, innerHash, innerHash.count) == 1
            && EVP_DigestFinal_ex(context, &mac, &length) == 1
        guard ok, length == UInt32(HMACSHA256.byteCount) else {
            fatalError("HMAC-SHA-256 failed in libcrypto: \(LibcryptoErrorQueue.drain())")
        }
        return mac
    }

    public func authenticate(_ message: String) -> [UInt8] {
        var message = message
        return message.withUTF8 { authenticate(UnsafeRawBufferPointer($0)) }
    }

    private static func state(after block: [UInt8]) -> OpaquePointer {
        guard let context = EVP_MD_CTX_new(),
              EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1,
              EVP_DigestUpdate(context, block, block.count) == 1
        else { fatalError("SHA-256 init failed in libcrypto: \(LibcryptoErrorQueue.drain())") }
        return context
    }
}
