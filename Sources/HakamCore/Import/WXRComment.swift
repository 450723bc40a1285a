/// One `wp:comment` of a WordPress export, as written (all text, nothing checked yet).
public struct WXRComment: Sendable, Equatable {
    /// The exporting site (`wp:base_site_url`, else the channel's `link`): with `id` it
    /// identifies the comment across imports.
    public var site = ""
    /// The item's `wp:post_id` and, for files Hakam exported, its `hakam_post_key` meta.
    public var postID = ""
    public var postKeyMeta: String?
    public var id = ""
    public var parent = ""
    public var author = ""
    public var authorEmail = ""
    public var authorURL = ""
    public var authorIP = ""
    public var date = ""
    public var dateGMT = ""
    public var content = ""
    public var approved = ""
    public var type = ""
    /// The line of the file where the comment starts, for the summary's failure list.
    public var line = 0

    public init() {}
}
