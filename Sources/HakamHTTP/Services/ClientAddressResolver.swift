import HakamCore

/// Finds the client's address: the TCP peer, unless the peer is a trusted proxy, in which case
/// `X-Forwarded-For` is read from the right, skipping trusted hops (a client can prepend
/// anything to that header, so only the hops our proxies appended are believed).
struct ClientAddressResolver: Sendable {
    let trustedProxies: [IPNetwork]

    func resolve(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, isTrusted(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard IPNetwork.parseAddress(hop) != nil else { return peer }
            if !isTrusted(hop) { return hop }
        }
        return hops.first ?? peer
    }

    private func isTrusted(_ address: String) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }
}

import Foundation
