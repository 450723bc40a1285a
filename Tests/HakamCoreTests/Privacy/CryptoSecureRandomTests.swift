import Testing
@testable import HakamCore

@Suite("Crypto SecureRandom")
struct CryptoSecureRandomTests {
    @Test("returns the requested number of bytes, different each time")
    func bytes() {
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(SecureRandom.bytes(1).count == 1)
        let a = SecureRandom.bytes(32), b = SecureRandom.bytes(32)
        #expect(a.count == 32)
        #expect(a != b) // 2^-256 chance of a false failure
    }
}
