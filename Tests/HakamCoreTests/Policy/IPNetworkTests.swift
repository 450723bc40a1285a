@testable import HakamCore
import Testing

@Suite("IPNetwork")
struct IPNetworkTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false),
        ("192.168.1.0/24", "192.168.1.255", true), ("192.168.1.0/24", "192.168.2.1", false),
        ("127.0.0.1", "127.0.0.1", true), ("127.0.0.1", "127.0.0.2", false),
        ("::1/128", "::1", true), ("2001:db8::/32", "2001:db8:ffff::1", true), ("2001:db8::/32", "2001:db9::1", false),
        ("0.0.0.0/0", "8.8.8.8", true), ("10.0.0.0/8", "::ffff:10.0.0.1", false),
    ])
    func containment(_ cidr: String, _ address: String, _ expected: Bool) throws {
        let network = try #require(IPNetwork(cidr: cidr))
        #expect(network.contains(address) == expected)
    }

    @Test(arguments: ["10.0.0.0/33", "256.0.0.1", "1.2.3", "::1::2", "abc", "10.0.0.0/x", "1:2:3:4:5:6:7:8:9",
                      "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.1000", "+1.2.3.4", "1.2.3.٤", "1.2.3.4 ", "1.2.3.-4"])
    func invalidNetworksAreRefused(_ text: String) {
        #expect(IPNetwork(cidr: text) == nil)
    }

    /// Every dotted quad parses to its four bytes; leading zeros read as decimal, as before.
    @Test func dottedQuadsParseToTheirBytes() {
        #expect(IPNetwork.parseAddress("0.0.0.0") == [0, 0, 0, 0])
        #expect(IPNetwork.parseAddress("255.255.255.255") == [255, 255, 255, 255])
        #expect(IPNetwork.parseAddress("010.001.02.3") == [10, 1, 2, 3])
        #expect(IPNetwork.parseAddress("::ffff:192.0.2.128") == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 192, 0, 2, 128])
        for _ in 0..<1_000 {
            let bytes = (0..<4).map { _ in UInt8.random(in: 0...255) }
            #expect(IPNetwork.parseAddress(bytes.map(String.init).joined(separator: ".")) == bytes)
        }
    }
}
