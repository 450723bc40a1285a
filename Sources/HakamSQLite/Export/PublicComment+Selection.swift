import HakamCore
import HakamStore

extension PublicComment {
    /// The columns behind `PublicComment`, in `PublicCommentRow`'s order: the one selection of
    /// public fields that `GET /comments` and `hakam export` both read.
    static let selection = "id, post_key, parent_id, name, url, body, status, created_at"

    /// The same columns qualified by `table`, for a join with a table that has a column of the
    /// same name (`posts.created_at`).
    static func selection(of table: String) -> String {
        selection.split(separator: ", ").map { "\(table).\($0)" }.joined(separator: ", ")
    }
}
