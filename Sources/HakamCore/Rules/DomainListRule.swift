import Foundation

/// Domain lists against the email's domain and the hosts of links (a listed domain also matches
/// its subdomains): disposable mailboxes, URL shorteners, blocked or trusted sites.
public struct DomainListRule: Rule {
    public let lists: [DomainListSettings]

    public init(lists: [DomainListSettings]) { self.lists = lists }

    public func evaluate(_ comment: ValidatedSubmission) -> [Reason] {
        guard !lists.isEmpty else { return [] }
        let linkHosts = Self.linkHosts(in: comment.body) + (comment.url.flatMap { URLComponents(string: $0)?.host?.lowercased() }.map { [$0] } ?? [])
        var reasons: [Reason] = []
        for list in lists {
            var candidates: [(field: String, host: String)] = []
            if list.appliesTo != .links { candidates.append(("email", comment.email.asciiDomain)) }
            if list.appliesTo != .email { candidates += linkHosts.map { ("links", $0) } }
            if let hit = candidates.first(where: { Self.matches($0.host, in: list.domains) }) {
                reasons.append(Reason(code: "domain.\(list.name)", weight: list.weight, field: hit.field, quote: hit.host,
                                      minimumAction: list.action, detail: "\(hit.host) is on the \(list.name) list"))
            }
        }
        return reasons
    }

    static func matches(_ host: String, in domains: Set<String>) -> Bool {
        var candidate = Substring(host)
        while true {
            if domains.contains(String(candidate)) { return true }
            guard let dot = candidate.firstIndex(of: ".") else { return false }
            candidate = candidate[candidate.index(after: dot)...]
        }
    }

    /// Hosts of `http(s)://` and `www.` links in a text, lower-cased, IDN hosts in A-label form.
    static func linkHosts(in text: String) -> [String] {
        LinkScanner.links(in: text).map { link in
            link.host.allSatisfy(\.isASCII) ? link.host : ((try? IDNA.toASCII(link.host)) ?? link.host)
        }
    }
}
