import COpenSSL
import Foundation

/// Unkeyed SHA-256 for non-secret fingerprints (policy version, body digests).
/// Secrets go through `HMACSHA256` instead.
public enum SHA256Digest {
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var outLength: UInt32 = 0
        let input = Array(bytes)
        let ok = input.withUnsafeBytes { raw in
            EVP_Digest(raw.baseAddress, raw.count, &out, &outLength, FetchedAlgorithms.sha256, nil)
        }
        precondition(ok == 1 && outLength == 32, "EVP_Digest(SHA-256) failed")
        return out
    }

    public static func hex(_ string: String) -> String {
        HexEncoding.encode(hash(Array(string.utf8)))
    }
}
