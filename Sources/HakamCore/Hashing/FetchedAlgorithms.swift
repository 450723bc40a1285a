import COpenSSL

/// libcrypto algorithm objects fetched once for the process. `EVP_sha256()` and
/// `EVP_aes_256_gcm()` make OpenSSL 3 look the implementation up again on every init (a lock and
/// a hash-table search each time), several times per submission. A fetched object is immutable
/// and may be shared by every thread.
enum FetchedAlgorithms {
    nonisolated(unsafe) static let sha256: OpaquePointer = {
        guard let digest = EVP_MD_fetch(nil, "SHA256", nil) else {
            fatalError("libcrypto has no SHA-256: \(LibcryptoErrorQueue.drain())")
        }
        return digest
    }()

    nonisolated(unsafe) static let aes256GCM: OpaquePointer = {
        guard let cipher = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil) else {
            fatalError("libcrypto has no AES-256-GCM: \(LibcryptoErrorQueue.drain())")
        }
        return cipher
    }()
}
