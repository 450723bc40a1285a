import Foundation
import GRDB
import HakamCore
import HakamStore
import Hummingbird
import HummingbirdTesting
import Testing
import HakamSQLite

/// `hakam export` reads rows straight from SQLite and writes them without making Strings;
/// `GET /comments` decodes them and encodes with `JSONEncoder`. The two must agree byte for
/// byte on every row, including the ones the fast path hands to the String path.
@Suite("export fast path and GET /comments")
struct ExportMatchesAPITests {
    /// Rows as SQL values: (id, parent, name, url, body, created_at).
    static let rows: [(Int, String, String, String, String, String)] = [
        (1, "NULL", "'أحمد \"the\" \\ one'", "NULL",
         "'quotes \" and backslash \\ ' || char(1) || char(31) || char(10) || char(13) || char(9) || ' مرحبا 😀 ' || char(8232) || char(8233) || ' / slash'",
         "'2026-03-01 08:00:00.612'"),
        (2, "1", "'Sara & <Co>'", "'https://example.org/a?b=1&c=2'", "'=HYPERLINK(\"http://evil\") ]]> end'", "'2026-03-01 08:00:01.000'"),
        // Forms the fast path does not take: no milliseconds, ISO text, a Unix time, ill-formed
        // UTF-8 and a NUL (GRDB's String ends there), all through the String path.
        (3, "NULL", "'No millis'", "NULL", "'plain'", "'2026-03-01 08:00:02'"),
        (4, "NULL", "'ISO text'", "NULL", "'plain'", "'2026-03-01T08:00:03.250Z'"),
        (5, "NULL", "'Unix time'", "NULL", "'plain'", "1772352004.5"),
        (6, "NULL", "CAST(x'41FF42C0AF' AS TEXT)", "CAST(x'68747470733A2F2F782EED9FBF' AS TEXT)", "CAST(x'E282AC80F4908080' AS TEXT)", "'2026-03-01 08:00:05.000'"),
        (7, "NULL", "CAST(x'4E554C00616674' AS TEXT)", "NULL", "CAST(x'626F6479006869646465' AS TEXT)", "'2026-03-01 08:00:06.000'"),
        (8, "NULL", "'February 30th'", "NULL", "'normalised by Date'", "'2026-02-30 08:00:07.000'"),
    ]

    @Test func exportWritesWhatTheAPIReturns() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let database = test.database
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO posts (key, created_at) VALUES ('tricky', '2026-01-01 00:00:00.000')")
            for (id, parent, name, url, body, created) in Self.rows {
                try db.execute(sql: """
                    INSERT INTO comments (id, post_key, parent_id, name, url, body, status, policy_version, body_digest, created_at, updated_at)
                    VALUES (\(id), 'tricky', \(parent), \(name), \(url), \(body), 'approved', 't', 'd\(id)', \(created), '2026-03-01 09:00:00.000')
                    """)
            }
        }

        let sink = MemorySink()
        var exporter = CommentExporter(writer: NDJSONExportWriter(), sink: sink)
        try exporter.begin(exportedAt: Date())
        var fastRows = 0
        let count = try database.forEachApprovedComment(ExportFilter(post: "tricky")) { row in
            if row.withBytes({ _ in true }) != nil { fastRows += 1 }
            try exporter.write(row)
        }
        try exporter.finish()
        #expect(count == Self.rows.count)
        #expect(fastRows == 2)  // rows 1 and 2; the others took the String path
        let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.rows.count)

        try await test.application().test(.router) { client in
            let response = try await client.execute(uri: "/comments?post=tricky&per_page=100", method: .get)
            #expect(response.status == .ok)
            // The API encodes with sorted keys and no whitespace, so each comment is the same text.
            #expect(response.bodyText.contains(#""comments":["# + lines.joined(separator: ",") + "]"))
        }
    }
}
