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
        var hosts: [String] = []
        let pattern = #"(?i)(?:https?://|(?<![\w.])www\.)([^\s/?#<>"'()\[\]]+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
            guard let hostRange = Range(match.range(at: 1), in: text) else { continue }
            var host = String(text[hostRange]).lowercased()
            if match.range(at: 0).length > match.range(at: 1).length, text[Range(match.range(at: 0), in: text)!].lowercased().hasPrefix("www.") {
                host = "www." + host
            }
            if let userInfoEnd = host.lastIndex(of: "@") { host = String(host[host.index(after: userInfoEnd)...]) }
            if let port = host.firstIndex(of: ":") { host = String(host[..<port]) }
            host = host.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!"))
            hosts.append((try? IDNA.toASCII(host)) ?? host)
        }
        return hosts
    }
}
