import Foundation
import Testing
@testable import HakamCore

@Suite("Privacy PrivacyProtector")
struct PrivacyProtectorTests {
    static func protector(byte: UInt8 = 0x42) throws -> PrivacyProtector {
        PrivacyProtector(keys: PrivacyKeys(master: try MasterKey(bytes: [UInt8](repeating: byte, count: 32))))
    }

    @Test("derived keys are distinct and the key id is 8 hex digits of HMAC(master, \"hakam key-id\")")
    func keys() throws {
        let master = try MasterKey(bytes: [UInt8](repeating: 0x42, count: 32))
        let keys = PrivacyKeys(master: master)
        let all = [keys.emailHashKey, keys.sealKey, keys.moderationHashKey, keys.ipHashKey]
        #expect(Set(all).count == 4)
        #expect(all.allSatisfy { $0.count == 32 && $0 != master.bytes })
        #expect(keys.keyID == CryptoTestHex.string(Array(HMACSHA256.authenticate("hakam key-id", key: master.bytes).prefix(4))))
        #expect(keys.keyID.count == 8)
        #expect(keys.emailHashKey == HKDFSHA256.deriveKey(inputKeyMaterial: master.bytes, salt: [],
                                                          info: Array("hakam email-hash v1".utf8), outputByteCount: 32))
        #expect(!"\(keys)".contains(CryptoTestHex.string(keys.sealKey)))
    }

    @Test("email hash: stable over spellings of one normalized address, keyed, case-sensitive local part")
    func emailHash() throws {
        let protector = try Self.protector()
        let unicode = try EmailAddress(parsing: "Ali@مثال.مصر")
        let ascii = try EmailAddress(parsing: " Ali@XN--MGBH0FB.XN--WGBH1C ")
        let hash = protector.emailHash(unicode)
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(protector.emailHash(ascii) == hash)
        #expect(try Self.protector().emailHash(unicode) == hash)
        #expect(hash == CryptoTestHex.string(HMACSHA256.authenticate(Array("Ali@xn--mgbh0fb.xn--wgbh1c".utf8),
                                                                     key: protector.keys.emailHashKey)))
        #expect(protector.emailHash(try EmailAddress(parsing: "ali@مثال.مصر")) != hash)
        #expect(try Self.protector(byte: 0x43).emailHash(unicode) != hash)
    }

    @Test("IP hash: one value per address however it is spelled, different from the email key")
    func ipHash() throws {
        let protector = try Self.protector()
        #expect(protector.ipHash("2001:DB8::1") == protector.ipHash("2001:db8:0:0:0:0:0:1"))
        #expect(protector.ipHash("[2001:db8::1]") == protector.ipHash("2001:db8::1"))
        #expect(protector.ipHash("::ffff:192.0.2.1") == protector.ipHash("192.0.2.1"))
        #expect(protector.ipHash(" 192.0.2.1 ") == protector.ipHash("192.0.2.1"))
        #expect(protector.ipHash("fe80::1%eth0") == protector.ipHash("fe80::1"))
        #expect(protector.ipHash("192.0.2.1") != protector.ipHash("192.0.2.2"))
        #expect(protector.ipHash("192.0.2.1").count == 64)
        #expect(try Self.protector(byte: 1).ipHash("192.0.2.1") != protector.ipHash("192.0.2.1"))
        #expect(protector.ipHash("unknown") == protector.ipHash("UNKNOWN"))
    }

    @Test("seal/open round trip, fresh nonce each time, documented layout")
    func sealRoundTrip() throws {
        let protector = try Self.protector()
        let email = try EmailAddress(parsing: "مستخدم@مثال.مصر")
        let first = protector.seal(email)
        let second = protector.seal(email)
        #expect(first != second)
        #expect(try protector.openSealedEmail(first) == "مستخدم@مثال.مصر")
        #expect(try protector.openSealedEmail(second) == email.unicodeAddress)

        let bytes = [UInt8](first)
        #expect(bytes[0] == 1)
        #expect(CryptoTestHex.string(Array(bytes[1..<5])) == protector.keys.keyID)
        #expect(bytes.count == 1 + 4 + 12 + email.unicodeAddress.utf8.count + 16)
        #expect(!first.contains(Data(email.localPart.utf8)))
    }

    @Test("opening with another key, tampered data, or junk fails clearly")
    func openFailures() throws {
        let protector = try Self.protector()
        let sealed = protector.seal(try EmailAddress(parsing: "a@example.com"))

        let other = try Self.protector(byte: 0x43)
        #expect(throws: SealedEmailError.keyMismatch(sealedWith: protector.keys.keyID, current: other.keys.keyID)) {
            try other.openSealedEmail(sealed)
        }
        for index in [5, 17, sealed.count - 1] { // nonce, ciphertext, tag
            var tampered = sealed
            tampered[tampered.startIndex + index] ^= 0x80
            #expect(throws: SealedEmailError.tampered) { try protector.openSealedEmail(tampered) }
        }
        var otherVersion = sealed
        otherVersion[otherVersion.startIndex] = 2
        #expect(throws: SealedEmailError.unsupportedVersion(2)) { try protector.openSealedEmail(otherVersion) }
        #expect(throws: SealedEmailError.truncated(byteCount: 20)) { try protector.openSealedEmail(sealed.prefix(20)) }
        #expect(throws: SealedEmailError.truncated(byteCount: 0)) { try protector.openSealedEmail(Data()) }
        #expect(SealedEmailError.keyMismatch(sealedWith: "aaaaaaaa", current: "bbbbbbbb").description.contains("wrong key file"))
    }

    @Test("moderation hash: 32 hex digits, depends on id, whole seconds and key")
    func moderationHash() throws {
        let protector = try Self.protector()
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        let hash = protector.moderationHash(commentID: 42, createdAt: date)
        #expect(hash.count == 32)
        #expect(hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(protector.moderationHash(commentID: 42, createdAt: Date(timeIntervalSince1970: 1_700_000_000.9)) == hash)
        #expect(protector.moderationHash(commentID: 43, createdAt: date) != hash)
        #expect(protector.moderationHash(commentID: 42, createdAt: date.addingTimeInterval(1)) != hash)
        #expect(try Self.protector(byte: 9).moderationHash(commentID: 42, createdAt: date) != hash)
        #expect(protector.verifyModerationHash(hash, commentID: 42, createdAt: date))
        #expect(protector.verifyModerationHash(hash.uppercased(), commentID: 42, createdAt: date))
        #expect(!protector.verifyModerationHash(String(hash.dropLast()) + (hash.hasSuffix("0") ? "1" : "0"), commentID: 42, createdAt: date))
        #expect(!protector.verifyModerationHash("", commentID: 42, createdAt: date))
    }
}
