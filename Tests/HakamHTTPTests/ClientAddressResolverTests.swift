import Foundation
@testable import HakamCore
@testable import HakamHTTP
import Testing

@Suite("Client address behind trusted proxies")
struct ClientAddressResolverTests {
    let resolver = ClientAddressResolver(trustedProxies: ["127.0.0.1/32", "10.0.0.0/8", "fd00::/8"].compactMap(IPNetwork.init(cidr:)))

    @Test func anUntrustedPeerIsTheClientWhateverTheHeaderSays() {
        #expect(resolver.resolve(peer: "203.0.113.9", forwardedFor: "198.51.100.1") == "203.0.113.9")
        #expect(resolver.resolve(peer: "not an address", forwardedFor: "198.51.100.1") == "not an address")
        #expect(resolver.resolve(peer: nil, forwardedFor: "198.51.100.1") == nil)
    }

    @Test func behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: "198.51.100.7") == "198.51.100.7")
        // A client may prepend anything; only what our proxies appended counts.
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: "1.2.3.4, 198.51.100.7, 10.1.2.3") == "198.51.100.7")
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: " \t198.51.100.7\t ,  10.0.0.2 ") == "198.51.100.7")
        #expect(resolver.resolve(peer: "::ffff:127.0.0.1", forwardedFor: "198.51.100.7") == "::ffff:127.0.0.1", "a mapped address is not 127.0.0.1/32")
        #expect(resolver.resolve(peer: "fd00::1", forwardedFor: "2001:db8::5, fd12::9") == "2001:db8::5")
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: nil) == "127.0.0.1")
    }

    @Test func aHopThatIsNotAnAddressStopsTheWalkAtThePeer() {
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: "198.51.100.7, unknown") == "127.0.0.1")
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: "") == "127.0.0.1")
    }

    @Test func whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        #expect(resolver.resolve(peer: "127.0.0.1", forwardedFor: "10.0.0.1, 10.0.0.2") == "10.0.0.1")
    }

    @Test func blanksAreTrimmedAsCharacterSetWhitespacesTrimsThem() {
        #expect(" \t\u{00A0}1.2.3.4\u{2003} ".trimmingBlanks() == "1.2.3.4")
        #expect(" \t ".trimmingBlanks() == "")
        #expect("1.2.3.4".trimmingBlanks() == "1.2.3.4")
        for text in [" \t\u{00A0}a b\u{2003} ", "\n x \n", "\u{3000}y", "", "z"] {
            #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
