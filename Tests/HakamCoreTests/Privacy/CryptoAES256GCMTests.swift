import Testing
@testable import HakamCore

/// A test case from McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)" (the
/// NIST submission), AES-256 section.
struct GCMVector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: String
    let nonce: String
    let plaintext: String
    let aad: String
    let ciphertext: String
    let tag: String
    var testDescription: String { name }
}

@Suite("Crypto AES-256-GCM")
struct CryptoAES256GCMTests {
    static let vectors: [GCMVector] = [
        .init(name: "test case 13 (empty plaintext)", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
              plaintext: "", aad: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        .init(name: "test case 14", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
              plaintext: String(repeating: "00", count: 16), aad: "",
              ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        .init(name: "test case 15",
              key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", nonce: "cafebabefacedbaddecaf888",
              plaintext: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
              aad: "",
              ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
              tag: "b094dac5d93471bdec1a502270e3cc6c"),
        .init(name: "test case 16 (with AAD)",
              key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", nonce: "cafebabefacedbaddecaf888",
              plaintext: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
              aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
              ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
              tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
    ]

    @Test("seal matches the GCM specification", arguments: vectors)
    func seal(_ vector: GCMVector) throws {
        let sealed = try AES256GCM.seal(CryptoTestHex.bytes(vector.plaintext), key: CryptoTestHex.bytes(vector.key),
                                        nonce: CryptoTestHex.bytes(vector.nonce), aad: CryptoTestHex.bytes(vector.aad))
        #expect(CryptoTestHex.string(sealed.ciphertext) == vector.ciphertext)
        #expect(CryptoTestHex.string(sealed.tag) == vector.tag)
    }

    @Test("open matches the GCM specification", arguments: vectors)
    func open(_ vector: GCMVector) throws {
        let plaintext = try AES256GCM.open(ciphertext: CryptoTestHex.bytes(vector.ciphertext), tag: CryptoTestHex.bytes(vector.tag),
                                           key: CryptoTestHex.bytes(vector.key), nonce: CryptoTestHex.bytes(vector.nonce),
                                           aad: CryptoTestHex.bytes(vector.aad))
        #expect(CryptoTestHex.string(plaintext) == vector.plaintext)
    }

    @Test("any flipped bit in ciphertext, tag, AAD, nonce or key is detected")
    func tampering() throws {
        let v = Self.vectors[3]
        let key = CryptoTestHex.bytes(v.key), nonce = CryptoTestHex.bytes(v.nonce), aad = CryptoTestHex.bytes(v.aad)
        let ciphertext = CryptoTestHex.bytes(v.ciphertext), tag = CryptoTestHex.bytes(v.tag)
        func flipped(_ bytes: [UInt8], at index: Int) -> [UInt8] {
            var copy = bytes
            copy[index] ^= 0x01
            return copy
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: flipped(ciphertext, at: 10), tag: tag, key: key, nonce: nonce, aad: aad)
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: ciphertext, tag: flipped(tag, at: 15), key: key, nonce: nonce, aad: aad)
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: ciphertext, tag: tag, key: key, nonce: nonce, aad: flipped(aad, at: 0))
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: ciphertext, tag: tag, key: key, nonce: flipped(nonce, at: 11), aad: aad)
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: ciphertext, tag: tag, key: flipped(key, at: 31), nonce: nonce, aad: aad)
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(ciphertext: Array(ciphertext.dropLast()), tag: tag, key: key, nonce: nonce, aad: aad)
        }
    }

    @Test("round-trips random keys and messages")
    func roundTrip() throws {
        for length in [0, 1, 15, 16, 17, 1000] {
            let key = SecureRandom.bytes(32), nonce = SecureRandom.bytes(12), message = SecureRandom.bytes(length)
            let sealed = try AES256GCM.seal(message, key: key, nonce: nonce, aad: Array("header".utf8))
            #expect(sealed.ciphertext.count == length)
            #expect(sealed.tag.count == 16)
            #expect(try AES256GCM.open(ciphertext: sealed.ciphertext, tag: sealed.tag, key: key, nonce: nonce, aad: Array("header".utf8)) == message)
        }
    }

    @Test("refuses wrong key, nonce and tag sizes")
    func sizes() {
        #expect(throws: CryptoError.invalidKeySize(expected: 32, actual: 16)) {
            try AES256GCM.seal([1], key: [UInt8](repeating: 0, count: 16), nonce: [UInt8](repeating: 0, count: 12))
        }
        #expect(throws: CryptoError.invalidNonceSize(actual: 0)) {
            try AES256GCM.seal([1], key: [UInt8](repeating: 0, count: 32), nonce: [])
        }
        #expect(throws: CryptoError.invalidTagSize(expected: 16, actual: 12)) {
            try AES256GCM.open(ciphertext: [1], tag: [UInt8](repeating: 0, count: 12), key: [UInt8](repeating: 0, count: 32),
                               nonce: [UInt8](repeating: 0, count: 12))
        }
    }
}
