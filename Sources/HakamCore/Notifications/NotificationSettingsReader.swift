import Foundation
import Yams

/// Reads `notifications:` (see `NotificationSettings`, `docs/notifications.md`).
struct NotificationSettingsReader {
    let reader: PolicyNodeReader
    /// The policy file's folder: secret files are relative to it.
    let folder: URL

    func read(_ node: Node) throws(PolicyError) -> NotificationSettings {
        let entry = try reader.mapping(node, key: "notifications", allowed: ["webhooks", "email", "action_links", "delivery"])
        var settings = NotificationSettings()
        if let value = entry["webhooks"] {
            guard let items = value.sequence else { throw reader.error(value, "notifications.webhooks", "must be a list") }
            for item in items { settings.webhooks.append(try webhook(item)) }
        }
        if let value = entry["email"] { settings.email = try email(value) }
        if let value = entry["action_links"] { settings.actionLinks = try actionLinks(value) }
        if let value = entry["delivery"] { settings.delivery = try delivery(value) }
        return settings
    }

    private func webhook(_ node: Node) throws(PolicyError) -> WebhookSettings {
        let key = "notifications.webhooks"
        let entry = try reader.mapping(node, key: key, allowed: ["url", "events", "secret_file", "format"])
        guard let urlNode = entry["url"] else { throw reader.error(node, key, "each webhook needs a url") }
        let url = try Self.outboundURL(try reader.string(urlNode, key: "\(key).url"), node: urlNode, key: "\(key).url", reader: reader)
        var events = NotificationEventType.webhookDefaults
        if let value = entry["events"] { events = try self.events(value, key: "\(key).events") }
        var format = WebhookSettings.Format.standard
        if let value = entry["format"] {
            let text = try reader.string(value, key: "\(key).format")
            guard let parsed = WebhookSettings.Format(rawValue: text) else { throw reader.error(value, "\(key).format", "must be standard or slack") }
            format = parsed
        }
        let secret = try entry["secret_file"].map { (value) throws(PolicyError) in
            folder.appendingPathComponent(try reader.string(value, key: "\(key).secret_file")).standardizedFileURL.path
        }
        if format == .standard, secret == nil {
            throw reader.error(node, key, "a standard webhook needs a secret_file (its HMAC key), so receivers can verify what they get")
        }
        return WebhookSettings(url: url, events: events, secretFile: secret, format: format)
    }

    private func email(_ node: Node) throws(PolicyError) -> EmailSettings {
        let key = "notifications.email"
        let entry = try reader.mapping(node, key: key, allowed: ["to", "from", "sendmail", "digest_minutes", "language", "events"])
        guard let toNode = entry["to"] else { throw reader.error(node, key, "needs to: a list of moderator addresses") }
        let to = try reader.strings(toNode, key: "\(key).to").map { (address, item) throws(PolicyError) in
            guard Self.isPlainAddress(address) else { throw reader.error(item, "\(key).to", "'\(address)' is not an address like moderators@example.org") }
            return address
        }
        guard !to.isEmpty else { throw reader.error(toNode, "\(key).to", "needs at least one address") }
        var settings = EmailSettings(to: to)
        if let value = entry["from"] {
            let from = try reader.string(value, key: "\(key).from")
            guard Self.isPlainAddress(from) else { throw reader.error(value, "\(key).from", "'\(from)' is not an address") }
            settings.from = from
        }
        if let value = entry["sendmail"] {
            let path = try reader.string(value, key: "\(key).sendmail")
            guard path.hasPrefix("/") else { throw reader.error(value, "\(key).sendmail", "must be an absolute path such as /usr/sbin/sendmail") }
            settings.sendmail = path
        }
        if let value = entry["digest_minutes"] { settings.digestMinutes = try reader.int(value, key: "\(key).digest_minutes", range: 0...10_080) }
        if let value = entry["language"] {
            let text = try reader.string(value, key: "\(key).language")
            guard let language = NotificationLanguage(rawValue: text) else { throw reader.error(value, "\(key).language", "must be ar or en") }
            settings.language = language
        }
        if let value = entry["events"] { settings.events = try events(value, key: "\(key).events") }
        return settings
    }

    private func actionLinks(_ node: Node) throws(PolicyError) -> ActionLinkSettings {
        let key = "notifications.action_links"
        let entry = try reader.mapping(node, key: key, allowed: ["base_url", "expire_hours", "moderator"])
        var settings = ActionLinkSettings()
        if let value = entry["base_url"] {
            settings.baseURL = try Self.outboundURL(try reader.string(value, key: "\(key).base_url"), node: value, key: "\(key).base_url", reader: reader)
        }
        if let value = entry["expire_hours"] { settings.expireHours = try reader.int(value, key: "\(key).expire_hours", range: 1...720) }
        if let value = entry["moderator"] {
            let name = try reader.string(value, key: "\(key).moderator").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 64 else { throw reader.error(value, "\(key).moderator", "must be a name of 1 to 64 characters") }
            settings.moderator = name
        }
        return settings
    }

    private func delivery(_ node: Node) throws(PolicyError) -> DeliverySettings {
        let key = "notifications.delivery"
        let entry = try reader.mapping(node, key: key, allowed: [
            "max_attempts", "retry_base_seconds", "retry_max_seconds", "lease_seconds", "poll_seconds", "keep_days",
        ])
        var settings = DeliverySettings()
        if let value = entry["max_attempts"] { settings.maxAttempts = try reader.int(value, key: "\(key).max_attempts", range: 1...100) }
        if let value = entry["keep_days"] { settings.keepDays = try reader.int(value, key: "\(key).keep_days", range: 1...3650) }
        for (name, keyPath) in [("retry_base_seconds", \DeliverySettings.retryBaseSeconds), ("retry_max_seconds", \.retryMaxSeconds),
                                ("lease_seconds", \.leaseSeconds), ("poll_seconds", \.pollSeconds)] {
            guard let value = entry[name] else { continue }
            let number = try reader.number(value, key: "\(key).\(name)")
            guard number >= 0.05, number <= 86_400 else { throw reader.error(value, "\(key).\(name)", "must be between 0.05 and 86400 seconds") }
            settings[keyPath: keyPath] = number
        }
        guard settings.retryBaseSeconds <= settings.retryMaxSeconds else {
            throw reader.error(node, key, "retry_base_seconds must not exceed retry_max_seconds")
        }
        return settings
    }

    private func events(_ node: Node, key: String) throws(PolicyError) -> Set<NotificationEventType> {
        let names = try reader.strings(node, key: key)
        var events = Set<NotificationEventType>()
        for (name, item) in names {
            guard let event = NotificationEventType(rawValue: name) else {
                throw reader.error(item, key, "'\(name)' is not an event (known: \(NotificationEventType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            events.insert(event)
        }
        return events
    }

    /// https anywhere; plain http only to this machine, so secrets and comments never cross a
    /// network in clear text.
    static func outboundURL(_ text: String, node: Node, key: String, reader: PolicyNodeReader) throws(PolicyError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw reader.error(node, key, "'\(text)' is not an absolute URL")
        }
        switch scheme {
        case "https": return url
        case "http" where ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127."): return url
        case "http": throw reader.error(node, key, "plain http is allowed only for loopback (127.0.0.1, localhost, ::1); use https")
        default: throw reader.error(node, key, "must be an https URL")
        }
    }

    /// A bare address (no display name, no header injection); the MTA checks the rest.
    static func isPlainAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == "\"" || $0.asciiValue.map { $0 < 32 } ?? false })
    }
}
