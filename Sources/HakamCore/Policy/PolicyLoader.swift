import Foundation
import Yams

/// Reads a policy YAML file into a validated `Policy`. Every problem is reported with the
/// file, line and key; unknown keys are errors (a typo must not silently disable a rule).
public struct PolicyLoader: Sendable {
    let files: PolicyFiles
    /// Where relative secret files (a webhook's `secret_file`) are read from; nil: the policy
    /// file's folder. A policy with no folder on disk (the built-in one) uses the current directory.
    let secretFolder: URL?

    public init(files: PolicyFiles = .disk, secretFolder: URL? = nil) {
        self.files = files
        self.secretFolder = secretFolder
    }

    public func load(path: String) throws(PolicyError) -> Policy {
        let contents: String
        do {
            contents = try files.read(URL(fileURLWithPath: path))
        } catch {
            throw PolicyError(file: path, message: "cannot read the policy file (\(error.localizedDescription))")
        }
        return try parse(contents, file: path)
    }

    /// Parses policy text; list files are read relative to `baseDirectory` (default: the folder of `file`).
    public func parse(_ yaml: String, file: String, baseDirectory: URL? = nil) throws(PolicyError) -> Policy {
        let folder = baseDirectory ?? URL(fileURLWithPath: file).deletingLastPathComponent()
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PolicyError(file: file, message: "the policy file is empty")
            }
            root = node
        } catch let error as PolicyError {
            throw error
        } catch let error as YamlError {
            throw PolicyError(file: file, line: Self.line(of: error), message: "not valid YAML: \(Self.summary(of: error))")
        } catch {
            throw PolicyError(file: file, message: "not valid YAML")
        }
        let reader = PolicyNodeReader(file: file)
        var policy = Policy()
        let top = try reader.mapping(root, key: nil, allowed: [
            "moderation", "limits", "thresholds", "flood", "rate_limit", "trusted_proxies",
            "allowed_origins", "closed_posts", "links", "duplicates", "word_lists", "domain_lists", "rules", "form_timing",
            "classifier", "public_cache", "notifications", "publishing",
        ])
        var fingerprint = yaml
        if let node = top["moderation"] {
            let text = try reader.string(node, key: "moderation")
            guard let mode = ModerationMode(rawValue: text) else {
                throw reader.error(node, "moderation", "must be one of: all, first_time, none")
            }
            policy.moderation = mode
        }
        if let node = top["limits"] {
            let limits = try reader.mapping(node, key: "limits", allowed: ["name", "email", "url", "body"])
            for (name, keyPath) in [("name", \FieldLimits.name), ("email", \.email), ("url", \.url), ("body", \.body)] {
                if let value = limits[name] {
                    policy.limits[keyPath: keyPath] = try reader.int(value, key: "limits.\(name)", range: 1...1_000_000)
                }
            }
            if policy.limits.email > 254 {
                throw reader.error(limits["email"]!, "limits.email", "an email address cannot be longer than 254 characters (RFC 5321)")
            }
        }
        if let node = top["thresholds"] {
            let thresholds = try reader.mapping(node, key: "thresholds", allowed: ["hold", "spam", "trash"])
            for (name, keyPath) in [("hold", \Thresholds.hold), ("spam", \.spam), ("trash", \.trash)] {
                if let value = thresholds[name] {
                    policy.thresholds[keyPath: keyPath] = try reader.number(value, key: "thresholds.\(name)")
                }
            }
            let t = policy.thresholds
            guard t.hold > 0, t.hold <= t.spam, t.spam <= t.trash else {
                throw reader.error(node, "thresholds", "must satisfy 0 < hold <= spam <= trash (got \(t.hold), \(t.spam), \(t.trash))")
            }
        }
        if let node = top["flood"] {
            let flood = try reader.mapping(node, key: "flood", allowed: ["enabled", "min_interval_seconds", "post_burst_per_minute"])
            if let value = flood["post_burst_per_minute"] {
                policy.flood.postBurstPerMinute = try reader.int(value, key: "flood.post_burst_per_minute", range: 0...1_000_000)
            }
            if let value = flood["enabled"] { policy.flood.enabled = try reader.bool(value, key: "flood.enabled") }
            if let value = flood["min_interval_seconds"] {
                policy.flood.minIntervalSeconds = try reader.number(value, key: "flood.min_interval_seconds")
                guard policy.flood.minIntervalSeconds >= 0 else { throw reader.error(value, "flood.min_interval_seconds", "must not be negative") }
            }
        }
        if let node = top["rate_limit"] {
            let rate = try reader.mapping(node, key: "rate_limit", allowed: ["enabled", "requests_per_minute"])
            if let value = rate["enabled"] { policy.rateLimit.enabled = try reader.bool(value, key: "rate_limit.enabled") }
            if let value = rate["requests_per_minute"] {
                policy.rateLimit.requestsPerMinute = try reader.int(value, key: "rate_limit.requests_per_minute", range: 1...1_000_000)
            }
        }
        if let node = top["trusted_proxies"] {
            policy.trustedProxies = try reader.strings(node, key: "trusted_proxies").map { (item, itemNode) throws(PolicyError) in
                guard let network = IPNetwork(cidr: item) else { throw reader.error(itemNode, "trusted_proxies", "'\(item)' is not a CIDR like 10.0.0.0/8 or ::1/128") }
                return network
            }
        }
        if let node = top["allowed_origins"] {
            policy.allowedOrigins = try reader.strings(node, key: "allowed_origins").map { (item, itemNode) throws(PolicyError) in
                guard let origin = SiteOrigin(item) else {
                    throw reader.error(itemNode, "allowed_origins", "'\(item)' is not an origin like https://news.example (scheme and host, no path)")
                }
                return origin.serialized
            }
        }
        if let node = top["closed_posts"] {
            policy.closedPosts = Set(try reader.strings(node, key: "closed_posts").map(\.0))
        }
        if let node = top["links"] {
            let links = try reader.mapping(node, key: "links", allowed: ["hold_at"])
            if let value = links["hold_at"] { policy.links.holdAt = try reader.int(value, key: "links.hold_at", range: 1...10_000) }
        }
        if let node = top["duplicates"] {
            let duplicates = try reader.mapping(node, key: "duplicates", allowed: ["enabled", "cross_post_weight"])
            if let value = duplicates["cross_post_weight"] { policy.duplicates.crossPostWeight = try reader.number(value, key: "duplicates.cross_post_weight") }
            if let value = duplicates["enabled"] { policy.duplicates.enabled = try reader.bool(value, key: "duplicates.enabled") }
        }
        let lists = PolicyListLoader(reader: reader, folder: folder, files: files)
        if let node = top["word_lists"] {
            policy.wordLists = try lists.wordLists(node)
            for list in policy.wordLists { fingerprint += "\u{0}\(list.file)\u{0}" + list.patterns.map { "\($0.mode.rawValue):\($0.text)" }.joined(separator: "\n") }
        }
        if let node = top["domain_lists"] {
            policy.domainLists = try lists.domainLists(node)
            for list in policy.domainLists { fingerprint += "\u{0}\(list.file)\u{0}" + list.domains.sorted().joined(separator: "\n") }
        }
        if let node = top["rules"] {
            policy.rules = try RuleWeightsReader(reader: reader).read(node)
        }
        if let node = top["form_timing"] {
            policy.formTiming = try FormTimingSettingsReader(reader: reader).read(node)
        }
        if let node = top["classifier"] {
            policy.classifier = try ClassifierSettingsReader(reader: reader).read(node)
        }
        if let node = top["public_cache"] {
            policy.publicCache = try PublicCacheSettingsReader(reader: reader).read(node)
        }
        if let node = top["notifications"] {
            policy.notifications = try NotificationSettingsReader(reader: reader, folder: secretFolder ?? folder).read(node)
        }
        if let node = top["publishing"] {
            policy.publishing = try PublishingSettingsReader(reader: reader, folder: secretFolder ?? folder).read(node)
        }
        policy.version = SHA256Digest.hex(fingerprint)
        return policy
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
