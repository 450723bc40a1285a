import HakamCore

/// Finds the client's address: the TCP peer, unless the peer is a trusted proxy, in which case
/// `X-Forwarded-For` is read from the right, skipping trusted hops (a client can prepend
/// anything to that header, so only the hops our proxies appended are believed).
struct ClientAddressResolver: Sendable {
    let trustedProxies: [IPNetwork]

    func resolve(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, let forwardedFor, let peerAddress = IPNetwork.parseAddress(peer), isTrusted(peerAddress) else { return peer }
        let hops = forwardedFor.split(separator: ",").map(Self.trimmingBlanks)
        for hop in hops.reversed() {
            guard let address = IPNetwork.parseAddress(hop) else { return peer }
            if !isTrusted(address) { return hop }
        }
        return hops.first ?? peer
    }

    /// Each address is parsed once (checking it against every network used to parse it again).
    private func isTrusted(_ address: [UInt8]) -> Bool {
        trustedProxies.contains { $0.contains(address: address) }
    }

    /// Spaces and tabs around a hop, as `CharacterSet.whitespaces` trims them, without bridging
    /// through `NSString` on every request.
    static func trimmingBlanks(_ hop: Substring) -> String {
        let scalars = hop.unicodeScalars
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[first...last])
    }
}
