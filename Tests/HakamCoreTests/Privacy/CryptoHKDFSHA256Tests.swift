import Testing
@testable import HakamCore

/// RFC 5869 appendix A test case (SHA-256).
struct HKDFVector: Sendable, CustomTestStringConvertible {
    let name: String
    let ikm: [UInt8]
    let salt: [UInt8]
    let info: [UInt8]
    let okm: String
    var testDescription: String { name }
}

@Suite("Crypto HKDF-SHA-256 (RFC 5869)")
struct CryptoHKDFSHA256Tests {
    static let vectors: [HKDFVector] = [
        .init(name: "A.1 basic", ikm: [UInt8](repeating: 0x0b, count: 22), salt: Array(0x00...0x0c), info: Array(0xf0...0xf9),
              okm: "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        .init(name: "A.2 longer inputs and outputs", ikm: Array(0x00...0x4f), salt: Array(0x60...0xaf), info: Array(0xb0...0xff),
              okm: "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        .init(name: "A.3 zero-length salt and info", ikm: [UInt8](repeating: 0x0b, count: 22), salt: [], info: [],
              okm: "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
    ]

    @Test("matches RFC 5869", arguments: vectors)
    func vector(_ vector: HKDFVector) {
        let okm = HKDFSHA256.deriveKey(inputKeyMaterial: vector.ikm, salt: vector.salt, info: vector.info,
                                       outputByteCount: vector.okm.count / 2)
        #expect(CryptoTestHex.string(okm) == vector.okm)
    }

    @Test("different info gives unrelated keys")
    func infoSeparates() {
        let ikm = [UInt8](repeating: 7, count: 32)
        let a = HKDFSHA256.deriveKey(inputKeyMaterial: ikm, salt: [], info: Array("a".utf8), outputByteCount: 32)
        let b = HKDFSHA256.deriveKey(inputKeyMaterial: ikm, salt: [], info: Array("b".utf8), outputByteCount: 32)
        #expect(a != b)
        #expect(a.count == 32)
    }
}
