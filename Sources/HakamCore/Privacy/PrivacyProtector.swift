import Foundation

/// Turns personal data into what Hakam stores: keyed hashes for matching (bans, history,
/// flood control) and an encrypted copy of the email for the rare moderator who must see
/// it. Plaintext email and IP addresses never leave this type in stored form.
public struct PrivacyProtector: Sendable, CustomStringConvertible {
    /// Sealed-email format version written by `seal`.
    public static let sealVersion: UInt8 = 1
    private static let nonceByteCount = AES256GCM.recommendedNonceByteCount
    private static let headerByteCount = 1 + 4 + nonceByteCount

    public let keys: PrivacyKeys
    private let emailHashMAC: HMACSHA256Key
    private let ipHashMAC: HMACSHA256Key
    private let moderationHashMAC: HMACSHA256Key
    private let nonces = BufferedRandom()

    public init(keys: PrivacyKeys) {
        self.keys = keys
        emailHashMAC = HMACSHA256Key(keys.emailHashKey)
        ipHashMAC = HMACSHA256Key(keys.ipHashKey)
        moderationHashMAC = HMACSHA256Key(keys.moderationHashKey)
    }

    /// Convenience: derive the keys from a master key.
    public init(master: MasterKey) { self.init(keys: PrivacyKeys(master: master)) }

    public var description: String { "PrivacyProtector(keyID: \(keys.keyID))" }

    /// The identity hash of an address: lower-case hex HMAC-SHA-256 (64 digits) of
    /// `email.normalized` (local part as typed, A-label domain lower-cased) under the
    /// email-hash key. So `Ali@مثال.مصر` and `Ali@XN--MGBH0FB.xn--wgbh1c` match, while
    /// `ali@…` does not: the local part's case belongs to the receiving server (RFC 5321).
    /// Keyed, so a leaked database cannot be matched against a list of known addresses
    /// without the key file.
    public func emailHash(_ email: EmailAddress) -> String {
        HexEncoding.encode(emailHashMAC.authenticate(email.normalized))
    }

    /// Lower-case hex HMAC-SHA-256 of the client IP address under the ip-hash key. The
    /// address is canonicalised first (IPv6 compressed and lower-cased, IPv4-mapped IPv6
    /// reduced to IPv4, brackets and zone dropped), so one client always hashes alike;
    /// text that is not an IP address is hashed trimmed and lower-cased.
    public func ipHash(_ ip: String) -> String {
        HexEncoding.encode(ipHashMAC.authenticate(IPAddressCanonicalForm.canonical(ip)))
    }

    /// Encrypts `email.unicodeAddress` (the human-readable form) with AES-256-GCM under the
    /// seal key and a fresh random nonce.
    ///
    /// Format: version (1 byte, = 1) | key id (4 bytes) | nonce (12 bytes) | ciphertext |
    /// tag (16 bytes). The version and key id are the associated data, so neither can be
    /// altered without the tag failing.
    public func seal(_ email: EmailAddress) -> Data {
        let header = [Self.sealVersion] + keys.keyIDBytes
        let nonce = nonces.bytes(Self.nonceByteCount)
        let sealed: (ciphertext: [UInt8], tag: [UInt8])
        do {
            sealed = try AES256GCM.seal(Array(email.unicodeAddress.utf8), key: keys.sealKey, nonce: nonce, aad: header)
        } catch {
            // Key and nonce sizes are fixed above; only a broken libcrypto gets here.
            fatalError("sealing failed: \(error)")
        }
        var data = Data(capacity: Self.headerByteCount + sealed.ciphertext.count + AES256GCM.tagByteCount)
        data.append(contentsOf: header)
        data.append(contentsOf: nonce)
        data.append(contentsOf: sealed.ciphertext)
        data.append(contentsOf: sealed.tag)
        return data
    }

    /// The address sealed by `seal`, or a clear error for a wrong key file, tampering, or
    /// data that is not a sealed email.
    public func openSealedEmail(_ sealed: Data) throws(SealedEmailError) -> String {
        let bytes = [UInt8](sealed)
        guard bytes.count >= Self.headerByteCount + AES256GCM.tagByteCount else {
            throw .truncated(byteCount: bytes.count)
        }
        guard bytes[0] == Self.sealVersion else { throw .unsupportedVersion(bytes[0]) }
        let keyID = Array(bytes[1..<5])
        guard keyID == keys.keyIDBytes else {
            throw .keyMismatch(sealedWith: HexEncoding.encode(keyID), current: keys.keyID)
        }
        let nonce = Array(bytes[5..<Self.headerByteCount])
        let ciphertext = Array(bytes[Self.headerByteCount..<(bytes.count - AES256GCM.tagByteCount)])
        let tag = Array(bytes.suffix(AES256GCM.tagByteCount))
        let plaintext: [UInt8]
        do {
            plaintext = try AES256GCM.open(ciphertext: ciphertext, tag: tag, key: keys.sealKey, nonce: nonce, aad: Array(bytes[0..<5]))
        } catch {
            throw .tampered
        }
        guard let text = String(validating: plaintext, as: UTF8.self) else { throw .notText }
        return text
    }

    /// The `moderation-hash` of a pending comment's redirect URL, like WordPress's
    /// `wp_hash($comment_ID . $comment_date_gmt)`: the first 32 hex digits of
    /// HMAC-SHA-256("ID:UNIXSECONDS") under the moderation-hash key. Only whole seconds of
    /// `createdAt` count, so a date that went through the database (which may round
    /// fractions away) gives the same hash.
    public func moderationHash(commentID: Int64, createdAt: Date) -> String {
        let seconds = Int64(createdAt.timeIntervalSince1970.rounded(.down))
        let mac = moderationHashMAC.authenticate("\(commentID):\(seconds)")
        return String(HexEncoding.encode(mac).prefix(32))
    }

    /// Checks a `moderation-hash` from a URL in constant time (case-insensitive hex).
    public func verifyModerationHash(_ candidate: String, commentID: Int64, createdAt: Date) -> Bool {
        let expected = Array(moderationHash(commentID: commentID, createdAt: createdAt).utf8)
        return ConstantTime.equal(Array(candidate.lowercased().utf8), expected)
    }
}
