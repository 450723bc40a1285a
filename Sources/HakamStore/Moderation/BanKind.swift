import Foundation
import HakamCore

/// What a ban matches. Emails and IPs are matched by their keyed hashes only.
public enum BanKind: String, Sendable, Codable, CaseIterable {
    case email, ip, domain, name

    /// The stored form of a domain: lower-cased A-label (punycode) without a trailing dot, so
    /// `مثال.مصر` and `XN--MGBH0FB.xn--wgbh1c` are one ban. A ban on a domain also covers its
    /// subdomains.
    public static func normalizedDomain(_ raw: String) throws(ModerationError) -> String {
        var domain = raw.trimmingCharacters(in: .whitespaces)
        if domain.hasPrefix("@") { domain.removeFirst() }
        while domain.hasSuffix(".") { domain.removeLast() }
        guard !domain.isEmpty else { throw .invalidBanValue("the domain is empty") }
        do {
            return try IDNA.toASCII(domain).lowercased()
        } catch {
            throw .invalidBanValue("not a valid domain name: \(error)")
        }
    }

    /// The stored form of a name: trimmed, inner whitespace collapsed, lower-cased.
    public static func normalizedName(_ raw: String) -> String {
        raw.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com`, `com`: every
    /// domain whose ban covers it.
    public static func domainAndParents(_ domain: String) -> [String] {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: true)
        return labels.indices.map { labels[$0...].joined(separator: ".") }
    }
}
