import Foundation
import GRDB
import GRDBSQLite
import HakamCore
import HakamStore

/// The current row of a statement selecting `PublicComment.selection`, read straight from
/// SQLite: `GET /comments` and `hakam export` decode rows only through here. Valid only inside
/// the `forEach` call that lends it.
public struct PublicCommentRow: ExportedCommentRow {
    private let statement: SQLiteStatement

    /// Steps `sql` (which selects `PublicComment.selection`) and lends each row to `body`.
    /// The export reads a million rows this way without a GRDB `Row` or a `String` each.
    static func forEach(_ db: Database, sql: String, arguments: StatementArguments, _ body: (PublicCommentRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let sqliteStatement = statement.sqliteStatement
        defer { sqlite3_reset(sqliteStatement) }
        while true {
            let code = sqlite3_step(sqliteStatement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }, sql: sql)
            }
            try body(PublicCommentRow(statement: sqliteStatement))
        }
    }

    /// The comment with its own `String`s, decoded as GRDB decodes columns (text up to a NUL,
    /// ill-formed UTF-8 repaired).
    public var comment: PublicComment {
        let createdAt: Date
        if sqlite3_column_type(statement, 7) == SQLITE_TEXT,
           let date = ISO8601Timestamp.parseDatabase(String(sqliteStatement: statement, index: 7)) {
            createdAt = date
        } else {
            // Other forms GRDB reads as dates (numbers, ISO 8601 text); never in Hakam's own rows.
            createdAt = Date.fromDatabaseValue(DatabaseValue(sqliteStatement: statement, index: 7)) ?? Date(timeIntervalSince1970: 0)
        }
        return PublicComment(
            id: sqlite3_column_int64(statement, 0),
            post: text(1) ?? "",
            parent: isNull(2) ? nil : sqlite3_column_int64(statement, 2),
            name: text(3) ?? "",
            url: text(4),
            body: text(5) ?? "",
            status: text(6).flatMap(CommentStatus.init(rawValue:)) ?? .pending,
            createdAt: createdAt)
    }

    /// Lends the row as bytes when every field can be written as SQLite holds it: integer ids,
    /// well-formed UTF-8 text without NUL, `created_at` in the database's millisecond form.
    /// Returns nil otherwise, and the caller takes `comment` (the `String` path).
    public func withBytes<T>(_ body: (PublicCommentBytes) throws -> T) rethrows -> T? {
        let parentType = sqlite3_column_type(statement, 2), urlType = sqlite3_column_type(statement, 4)
        guard sqlite3_column_type(statement, 0) == SQLITE_INTEGER,
              parentType == SQLITE_NULL || parentType == SQLITE_INTEGER,
              let post = plainText(1), let name = plainText(3), let text = plainText(5),
              let status = plainText(6), let createdAt = plainText(7),
              ISO8601Timestamp.isDatabaseMilliseconds(createdAt)
        else { return nil }
        var url: UnsafeBufferPointer<UInt8>?
        if urlType != SQLITE_NULL {
            guard let text = plainText(4) else { return nil }
            url = text
        }
        return try body(PublicCommentBytes(
            id: sqlite3_column_int64(statement, 0), post: post,
            parent: parentType == SQLITE_NULL ? nil : sqlite3_column_int64(statement, 2),
            name: name, url: url, body: text,
            // Any other stored status is `pending` to the public, as `PublicComment` maps it.
            status: Self.isApproved(status) ? .approved : .pending,
            createdAt: .databaseText(createdAt)))
    }

    private static func isApproved(_ status: UnsafeBufferPointer<UInt8>) -> Bool {
        status.count == approvedBytes.count && memcmp(status.baseAddress!, approvedBytes, status.count) == 0
    }

    private static let approvedBytes: [UInt8] = Array("approved".utf8)

    private func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    private func text(_ column: Int32) -> String? {
        isNull(column) ? nil : String(sqliteStatement: statement, index: column)
    }

    /// A TEXT column's bytes, if they can be copied out unchanged.
    private func plainText(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(statement, column) == SQLITE_TEXT else { return nil }
        // sqlite3_column_text before sqlite3_column_bytes, as SQLite's documentation asks.
        guard let start = sqlite3_column_text(statement, column) else { return nil }
        let bytes = UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
        return UTF8Validation.isWellFormedWithoutNUL(bytes) ? bytes : nil
    }
}
