/// The (kind, value) pairs whose standing ban refuses a sender: the email hash, the IP hash,
/// the email's domain and every parent domain, and the normalized name. Every backend matches
/// these, so a ban means the same on each.
public enum BanCandidates {
    public static func of(emailHash: String?, ipHash: String?, emailDomain: String?, name: String?) -> [(kind: BanKind, value: String)] {
        var candidates: [(kind: BanKind, value: String)] = []
        if let emailHash { candidates.append((.email, emailHash)) }
        if let ipHash { candidates.append((.ip, ipHash)) }
        if let emailDomain {
            let ascii = (try? BanKind.normalizedDomain(emailDomain)) ?? emailDomain.lowercased()
            candidates += BanKind.domainAndParents(ascii).map { (.domain, $0) }
        }
        if let name {
            let normalized = BanKind.normalizedName(name)
            if !normalized.isEmpty { candidates.append((.name, normalized)) }
        }
        return candidates
    }
}
