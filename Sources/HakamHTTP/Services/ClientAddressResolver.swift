import HakamCore

/// Finds the client's address: the TCP peer, unless the peer is a trusted proxy, in which case
/// `X-Forwarded-For` is read from the right, skipping trusted hops (a client can prepend
/// anything to that header, so only the hops our proxies appended are believed).
struct ClientAddressResolver: Sendable {
    let trustedProxies: [IPNetwork]

    func resolve(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, let forwardedFor, let peerAddress = IPNetwork.parseAddress(peer), isTrusted(peerAddress) else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingBlanks() }
        for hop in hops.reversed() {
            guard let address = IPNetwork.parseAddress(hop) else { return peer }
            if !isTrusted(address) { return hop }
        }
        return hops.first ?? peer
    }

    /// Takes the address already parsed, so checking it against many networks parses it once.
    private func isTrusted(_ address: [UInt8]) -> Bool {
        trustedProxies.contains { $0.contains(address: address) }
    }
}
