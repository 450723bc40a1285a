#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One spelling per IP address, so `2001:DB8::1`, `2001:db8:0:0::1` and `[2001:db8::1]`
/// hash alike, and an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack
/// socket reports) hashes like its IPv4 address.
enum IPAddressCanonicalForm {
    /// The `inet_ntop` form of `text`, or — if it is not an IP address — the trimmed,
    /// lower-cased text itself.
    static func canonical(_ text: String) -> String {
        var candidate = Substring(text.trimmingASCIIWhitespace())
        if candidate.hasPrefix("["), candidate.hasSuffix("]") { candidate = candidate.dropFirst().dropLast() }
        // A zone index (fe80::1%eth0) names the receiving interface, not the client.
        if let percent = candidate.firstIndex(of: "%") { candidate = candidate[..<percent] }
        let address = String(candidate)

        var ipv4 = in_addr()
        if inet_pton(AF_INET, address, &ipv4) == 1 { return format(family: AF_INET, &ipv4) ?? address }

        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, address, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return bytes[12...].map(String.init).joined(separator: ".")
            }
            return format(family: AF_INET6, &ipv6) ?? address.lowercased()
        }
        return String(text.trimmingASCIIWhitespace()).lowercased()
    }

    private static func format<Address>(family: Int32, _ address: inout Address) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let result = withUnsafePointer(to: &address) { pointer in
            inet_ntop(family, pointer, &buffer, socklen_t(buffer.count))
        }
        guard result != nil else { return nil }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

private extension String {
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
