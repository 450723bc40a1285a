import COpenSSL

/// HKDF with SHA-256 (RFC 5869), extract-then-expand, via libcrypto's `EVP_PKEY_HKDF`.
public enum HKDFSHA256 {
    /// Longest output RFC 5869 allows: 255 blocks of the hash length.
    public static let maximumOutputByteCount = 255 * 32

    /// Derives `outputByteCount` bytes (1…8160). An empty `salt` means the RFC's default
    /// (a block of zeros); `info` separates the purposes of keys derived from one secret.
    /// `inputKeyMaterial` must not be empty.
    public static func deriveKey(inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], outputByteCount: Int) -> [UInt8] {
        precondition(!inputKeyMaterial.isEmpty, "HKDF needs input key material")
        precondition((1...maximumOutputByteCount).contains(outputByteCount), "HKDF-SHA-256 output must be 1...8160 bytes")

        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else {
            fatalError("HKDF unavailable in libcrypto: \(LibcryptoErrorQueue.drain())")
        }
        defer { EVP_PKEY_CTX_free(context) }

        // The set1/add1 calls copy their arguments, so the buffers need only live per call.
        var ok = EVP_PKEY_derive_init(context) == 1
            && EVP_PKEY_CTX_set_hkdf_md(context, EVP_sha256()) == 1
            && EVP_PKEY_CTX_set1_hkdf_key(context, inputKeyMaterial, Int32(inputKeyMaterial.count)) == 1
        if ok && !salt.isEmpty {
            ok = EVP_PKEY_CTX_set1_hkdf_salt(context, salt, Int32(salt.count)) == 1
        }
        if ok && !info.isEmpty {
            ok = EVP_PKEY_CTX_add1_hkdf_info(context, info, Int32(info.count)) == 1
        }
        var out = [UInt8](repeating: 0, count: outputByteCount)
        var outLength = outputByteCount
        if ok {
            ok = EVP_PKEY_derive(context, &out, &outLength) == 1 && outLength == outputByteCount
        }
        guard ok else { fatalError("HKDF-SHA-256 failed in libcrypto: \(LibcryptoErrorQueue.drain())") }
        return out
    }
}
