import Foundation
import GRDB
import HakamCore

extension PublicComment {
    /// The columns behind `PublicComment`, in `init(row:)`'s order: the one selection of public
    /// fields that `GET /comments` and `hakam export` both read.
    static let selection = "id, post_key, parent_id, name, url, body, status, created_at"

    /// A row selected with `selection`, read by position (exports read a million of them).
    init(row: Row) {
        self.init(
            id: row[0], post: row[1], parent: row[2], name: row[3], url: row[4], body: row[5],
            status: CommentStatus(rawValue: row[6]) ?? .pending,
            createdAt: (row[7] as String?).flatMap(ISO8601Timestamp.parseDatabase) ?? row[7])
    }
}
