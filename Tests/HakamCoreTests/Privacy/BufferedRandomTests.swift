import HakamCore
import Testing

@Suite("BufferedRandom")
struct BufferedRandomTests {
    /// Nonces must never repeat: across refills (a pool of two nonces here) and across threads.
    @Test func piecesNeverRepeatAcrossRefillsAndThreads() async {
        let random = BufferedRandom(refillSize: 24)
        let nonces = await withTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<2_000).map { _ in random.bytes(12) } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(nonces.count == 8_000)
        #expect(nonces.allSatisfy { $0.count == 12 })
        #expect(Set(nonces).count == nonces.count)
    }

    /// A request that does not fit what is left takes a fresh pool instead of a short piece.
    @Test func aPieceLargerThanWhatIsLeftComesWhole() {
        let random = BufferedRandom(refillSize: 16)
        #expect(random.bytes(10).count == 10)
        #expect(random.bytes(10).count == 10)
        #expect(random.bytes(16).count == 16)
        #expect(random.bytes(0).isEmpty)
    }
}
