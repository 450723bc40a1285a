import Foundation
import GRDB
import HakamCore
import HakamStore
import HakamStore

// The store's plain value types, taught to GRDB here: only this module knows they are rows.

extension CommentRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "comments"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        DatabaseTimestamp.encodingStrategy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension CommentRecord.CodingKeys: ColumnExpression {}

extension ModerationEventRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "moderation_events"

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        DatabaseTimestamp.encodingStrategy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ModerationEventRecord.CodingKeys: ColumnExpression {}

extension BanRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bans"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension BanRecord.CodingKeys: ColumnExpression {}

extension CommentStatus: DatabaseValueConvertible {}
extension BanKind: DatabaseValueConvertible {}

extension ModeratedComment {
    /// The columns `init(row:)` reads; never the private ones themselves.
    static let selection = """
        id, post_key, parent_id, name, url, body, status, score, reasons, policy_version,
        email_sealed IS NOT NULL AS has_sealed_email, email_hash IS NOT NULL AS author_known,
        created_at, updated_at
        """

    init(row: Row) {
        let reasonsJSON: String = row["reasons"]
        self.init(
            id: row["id"], postKey: row["post_key"], parentID: row["parent_id"], name: row["name"], url: row["url"],
            body: row["body"], status: row["status"], score: row["score"],
            reasons: (try? JSONDecoder().decode([Reason].self, from: Data(reasonsJSON.utf8))) ?? [],
            policyVersion: row["policy_version"], hasSealedEmail: row["has_sealed_email"], isAuthorKnown: row["author_known"],
            createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static func fetchOne(_ db: Database, id: Int64) throws -> ModeratedComment? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM comments WHERE id = ?", arguments: [id]).map(ModeratedComment.init(row:))
    }
}
