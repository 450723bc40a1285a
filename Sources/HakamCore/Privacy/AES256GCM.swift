import COpenSSL

/// AES-256 in Galois/Counter Mode (NIST SP 800-38D) via libcrypto's `EVP_aes_256_gcm`,
/// with a full 16-byte tag. Never reuse a nonce with the same key: use 12 random bytes
/// from `SecureRandom` for each message.
public enum AES256GCM {
    public static let keyByteCount = 32
    public static let recommendedNonceByteCount = 12
    public static let tagByteCount = 16

    // EVP_CTRL_GCM_* are aliases of these EVP_CTRL_AEAD_* values (openssl/evp.h).
    private static let setIVLength = EVP_CTRL_AEAD_SET_IVLEN
    private static let getTag = EVP_CTRL_AEAD_GET_TAG
    private static let setTag = EVP_CTRL_AEAD_SET_TAG

    /// Encrypts and authenticates `plaintext`, also authenticating (not encrypting) `aad`.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8] = []) throws(CryptoError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        try checkSizes(key: key, nonce: nonce)
        let context = try CipherContext()
        try context.initialize(encrypt: true, key: key, nonce: nonce)
        try context.update(encrypt: true, aad: aad)
        let ciphertext = try context.update(encrypt: true, data: plaintext)
        try context.finish(encrypt: true)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        guard EVP_CIPHER_CTX_ctrl(context.pointer, getTag, Int32(tagByteCount), &tag) == 1 else {
            throw .libcrypto(LibcryptoErrorQueue.drain())
        }
        return (ciphertext, tag)
    }

    /// Checks the tag and decrypts; throws `.authenticationFailed` if anything (key, nonce,
    /// AAD, ciphertext, tag) differs from what was sealed. No plaintext is returned then.
    public static func open(ciphertext: [UInt8], tag: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        try checkSizes(key: key, nonce: nonce)
        guard tag.count == tagByteCount else { throw .invalidTagSize(expected: tagByteCount, actual: tag.count) }
        let context = try CipherContext()
        try context.initialize(encrypt: false, key: key, nonce: nonce)
        try context.update(encrypt: false, aad: aad)
        let plaintext = try context.update(encrypt: false, data: ciphertext)
        var expectedTag = tag
        guard EVP_CIPHER_CTX_ctrl(context.pointer, setTag, Int32(tagByteCount), &expectedTag) == 1 else {
            throw .libcrypto(LibcryptoErrorQueue.drain())
        }
        do {
            try context.finish(encrypt: false)
        } catch {
            // A failed final step in decryption is the tag check; the queue is usually empty.
            _ = LibcryptoErrorQueue.drain()
            throw .authenticationFailed
        }
        return plaintext
    }

    private static func checkSizes(key: [UInt8], nonce: [UInt8]) throws(CryptoError) {
        guard key.count == keyByteCount else { throw .invalidKeySize(expected: keyByteCount, actual: key.count) }
        // libcrypto accepts any non-zero IV length for GCM; 12 is the efficient, usual one.
        guard !nonce.isEmpty, nonce.count <= 256 else { throw .invalidNonceSize(actual: nonce.count) }
    }

    /// Owns one `EVP_CIPHER_CTX` for the length of one seal/open.
    private final class CipherContext {
        let pointer: OpaquePointer

        init() throws(CryptoError) {
            guard let pointer = EVP_CIPHER_CTX_new() else { throw .libcrypto(LibcryptoErrorQueue.drain()) }
            self.pointer = pointer
        }

        deinit { EVP_CIPHER_CTX_free(pointer) }

        func initialize(encrypt: Bool, key: [UInt8], nonce: [UInt8]) throws(CryptoError) {
            // Choose the cipher, then the IV length, then key and IV (the order GCM needs).
            let initialize = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex
            guard initialize(pointer, FetchedAlgorithms.aes256GCM, nil, nil, nil) == 1,
                  EVP_CIPHER_CTX_ctrl(pointer, AES256GCM.setIVLength, Int32(nonce.count), nil) == 1,
                  initialize(pointer, nil, nil, key, nonce) == 1
            else { throw .libcrypto(LibcryptoErrorQueue.drain()) }
        }

        func update(encrypt: Bool, aad: [UInt8]) throws(CryptoError) {
            guard !aad.isEmpty else { return }
            var outLength: Int32 = 0
            let update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate
            guard update(pointer, nil, &outLength, aad, Int32(aad.count)) == 1 else {
                throw .libcrypto(LibcryptoErrorQueue.drain())
            }
        }

        func update(encrypt: Bool, data: [UInt8]) throws(CryptoError) -> [UInt8] {
            guard !data.isEmpty else { return [] }
            guard data.count <= Int(Int32.max) - 16 else { throw .libcrypto("message too long") }
            // GCM is a stream mode: output is exactly as long as input; a block of slack is free.
            var out = [UInt8](repeating: 0, count: data.count + 16)
            var outLength: Int32 = 0
            let update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate
            guard update(pointer, &out, &outLength, data, Int32(data.count)) == 1 else {
                throw .libcrypto(LibcryptoErrorQueue.drain())
            }
            return Array(out.prefix(Int(outLength)))
        }

        func finish(encrypt: Bool) throws(CryptoError) {
            var scratch = [UInt8](repeating: 0, count: 16)
            var outLength: Int32 = 0
            let final = encrypt ? EVP_EncryptFinal_ex : EVP_DecryptFinal_ex
            guard final(pointer, &scratch, &outLength) == 1 else {
                throw .libcrypto(LibcryptoErrorQueue.drain())
            }
        }
    }
}
