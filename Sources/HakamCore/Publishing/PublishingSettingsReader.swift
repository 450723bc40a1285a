import Foundation
import Yams

/// Reads `publishing:` (see `PublishingSettings`, `docs/wordpress.md`). Unknown keys are errors.
struct PublishingSettingsReader {
    let reader: PolicyNodeReader
    /// The policy file's folder: the password file is relative to it.
    let folder: URL

    func read(_ node: Node) throws(PolicyError) -> PublishingSettings {
        let entry = try reader.mapping(node, key: "publishing", allowed: ["wordpress"])
        var settings = PublishingSettings()
        if let value = entry["wordpress"] { settings.wordpress = try wordpress(value) }
        return settings
    }

    private func wordpress(_ node: Node) throws(PolicyError) -> WordPressSettings {
        let key = "publishing.wordpress"
        let entry = try reader.mapping(node, key: key, allowed: ["url", "user", "application_password_file", "post_id_from"])
        guard let urlNode = entry["url"] else { throw reader.error(node, key, "needs url: the WordPress site root") }
        let url = try NotificationSettingsReader.outboundURL(
            try reader.string(urlNode, key: "\(key).url"), node: urlNode, key: "\(key).url", reader: reader)
        guard url.query == nil, url.fragment == nil else {
            throw reader.error(urlNode, "\(key).url", "must be the site root, without ?query or #fragment")
        }
        guard let userNode = entry["user"] else { throw reader.error(node, key, "needs user: the WordPress user the Application Password belongs to") }
        let user = try reader.string(userNode, key: "\(key).user").trimmingCharacters(in: .whitespaces)
        guard !user.isEmpty, !user.contains(":"), !user.contains(where: { $0.asciiValue.map { $0 < 32 } ?? false }) else {
            throw reader.error(userNode, "\(key).user", "must be a WordPress user name (no colon)")
        }
        guard let fileNode = entry["application_password_file"] else {
            throw reader.error(node, key, "needs application_password_file: a file holding the user's Application Password")
        }
        let file = folder.appendingPathComponent(try reader.string(fileNode, key: "\(key).application_password_file")).standardizedFileURL.path
        var source = WordPressSettings.PostIDSource.commentPostID
        if let value = entry["post_id_from"] {
            let text = try reader.string(value, key: "\(key).post_id_from")
            guard let parsed = WordPressSettings.PostIDSource(rawValue: text) else {
                throw reader.error(value, "\(key).post_id_from", "must be comment_post_ID or slug")
            }
            source = parsed
        }
        return WordPressSettings(url: url, user: user, applicationPasswordFile: file, postIDFrom: source)
    }
}
