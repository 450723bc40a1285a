import Foundation

/// `publishing.wordpress`: a WordPress site that receives every approved comment through its
/// REST API, as the user `user` with an Application Password read from a file when the
/// publisher starts (never at policy load, never logged).
public struct WordPressSettings: Sendable, Equatable {
    /// How a Hakam post key names the WordPress post a comment belongs to.
    public enum PostIDSource: String, Sendable, CaseIterable {
        /// The key is the post's numeric ID (what WordPress's own form sends as `comment_post_ID`).
        case commentPostID = "comment_post_ID"
        /// The key is the post's slug (`post_name`), looked up once per process through the REST API.
        case slug
    }

    /// The site root; the REST API is reached through `?rest_route=`, which works with and
    /// without pretty permalinks.
    public var url: URL
    public var user: String
    /// Absolute path of the file holding the Application Password.
    public var applicationPasswordFile: String
    public var postIDFrom: PostIDSource

    public init(url: URL, user: String, applicationPasswordFile: String, postIDFrom: PostIDSource = .commentPostID) {
        self.url = url
        self.user = user
        self.applicationPasswordFile = applicationPasswordFile
        self.postIDFrom = postIDFrom
    }

    /// The name deliveries and the copy map record: host, port and path; no user, no secret.
    /// Changing the scheme keeps it, so an http→https move keeps the map.
    public var destination: String {
        var name = "wordpress:" + (url.host ?? "?")
        if let port = url.port { name += ":\(port)" }
        let path = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        return name + path
    }
}
