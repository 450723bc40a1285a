import Testing
@testable import HakamCore

/// RFC 4231 test case: key, data, HMAC-SHA-256.
struct HMACVector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: [UInt8]
    let data: [UInt8]
    let mac: String
    var testDescription: String { name }
}

@Suite("Crypto HMAC-SHA-256 (RFC 4231)")
struct CryptoHMACSHA256Tests {
    static let vectors: [HMACVector] = [
        .init(name: "test case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
              mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        .init(name: "test case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
              mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        .init(name: "test case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
              mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        .init(name: "test case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
              mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        .init(name: "test case 6", key: [UInt8](repeating: 0xaa, count: 131),
              data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
              mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        .init(name: "test case 7", key: [UInt8](repeating: 0xaa, count: 131),
              data: Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
              mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("matches RFC 4231", arguments: vectors)
    func vector(_ vector: HMACVector) {
        #expect(CryptoTestHex.string(HMACSHA256.authenticate(vector.data, key: vector.key)) == vector.mac)
    }

    @Test("a prepared key matches RFC 4231", arguments: vectors)
    func preparedVector(_ vector: HMACVector) {
        let mac = vector.data.withUnsafeBytes { HMACSHA256Key(vector.key).authenticate($0) }
        #expect(CryptoTestHex.string(mac) == vector.mac)
    }

    @Test("a prepared key agrees with libcrypto's HMAC() for keys and messages of every length around the block size")
    func preparedKeyAgreesWithOneShot() {
        var generator = SplitMix64(seed: 4231)
        for keyLength in [0, 1, 31, 32, 63, 64, 65, 127, 128, 200] {
            let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let prepared = HMACSHA256Key(key)
            for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1_000] {
                let message = (0..<messageLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let mac = message.withUnsafeBytes { prepared.authenticate($0) }
                #expect(mac == HMACSHA256.authenticate(message, key: key), "key \(keyLength) B, message \(messageLength) B")
            }
        }
        #expect(HMACSHA256Key(Array("Jefe".utf8)).authenticate("what do ya want for nothing?")
                == HMACSHA256.authenticate("what do ya want for nothing?", key: Array("Jefe".utf8)))
    }

    @Test("String and byte-sequence overloads agree; empty key and message work")
    func overloads() {
        let key = Array("Jefe".utf8)
        #expect(HMACSHA256.authenticate("what do ya want for nothing?", key: key)
                == HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: key))
        #expect(HMACSHA256.authenticate("Hi There".utf8, key: key) == HMACSHA256.authenticate("Hi There", key: key))
        // HMAC-SHA-256("", "") from any reference implementation.
        #expect(CryptoTestHex.string(HMACSHA256.authenticate([], key: []))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
