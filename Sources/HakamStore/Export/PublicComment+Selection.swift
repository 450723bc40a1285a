import HakamCore

extension PublicComment {
    /// The columns behind `PublicComment`, in `PublicCommentRow`'s order: the one selection of
    /// public fields that `GET /comments` and `hakam export` both read.
    static let selection = "id, post_key, parent_id, name, url, body, status, created_at"
}
