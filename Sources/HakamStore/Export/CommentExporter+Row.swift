import HakamCore

extension CommentExporter {
    /// Writes a row as the database holds it when it can (no `String` made), otherwise through
    /// `PublicComment`: the rare row with ill-formed text or an unusual date comes out as
    /// `GET /comments` shows it.
    public mutating func write(_ row: some ExportedCommentRow) throws {
        if try row.withBytes({ try write($0) }) == nil {
            try write(row.comment)
        }
    }
}
