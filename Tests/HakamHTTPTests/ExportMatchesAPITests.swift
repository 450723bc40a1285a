import Foundation
import HakamCore
import HakamStore
import Hummingbird
import HummingbirdTesting
import Testing
import HakamTestSupport
import HakamSQLite

/// `hakam export` reads rows straight from SQLite and writes them without making Strings;
/// `GET /comments` decodes them and encodes with `JSONEncoder`. The two must agree byte for
/// byte on every row, including the ones the fast path hands to the String path.
@Suite("export fast path and GET /comments")
struct ExportMatchesAPITests {
    /// Rows exactly as stored: (id, parent, name, url, body, created_at).
    static let rows: [StoredCommentForm] = [
        StoredCommentForm(
            id: 1, name: .text("أحمد \"the\" \\ one"),
            body: .text("quotes \" and backslash \\ \u{01}\u{1F}\n\r\t مرحبا 😀 \u{2028}\u{2029} / slash"),
            createdAt: .text("2026-03-01 08:00:00.612")),
        StoredCommentForm(id: 2, parentID: 1, name: .text("Sara & <Co>"), url: .text("https://example.org/a?b=1&c=2"),
                          body: .text("=HYPERLINK(\"http://evil\") ]]> end"), createdAt: .text("2026-03-01 08:00:01.000")),
        // Forms the fast path does not take: no milliseconds, ISO text, a Unix time, ill-formed
        // UTF-8 and a NUL (GRDB's String ends there), all through the String path.
        StoredCommentForm(id: 3, name: .text("No millis"), body: .text("plain"), createdAt: .text("2026-03-01 08:00:02")),
        StoredCommentForm(id: 4, name: .text("ISO text"), body: .text("plain"), createdAt: .text("2026-03-01T08:00:03.250Z")),
        StoredCommentForm(id: 5, name: .text("Unix time"), body: .text("plain"), createdAt: .real(1772352004.5)),
        StoredCommentForm(id: 6, name: .textBytes([0x41, 0xFF, 0x42, 0xC0, 0xAF]),
                          url: .textBytes([0x68, 0x74, 0x74, 0x70, 0x73, 0x3A, 0x2F, 0x2F, 0x78, 0x2E, 0xED, 0x9F, 0xBF]),
                          body: .textBytes([0xE2, 0x82, 0xAC, 0x80, 0xF4, 0x90, 0x80, 0x80]), createdAt: .text("2026-03-01 08:00:05.000")),
        StoredCommentForm(id: 7, name: .textBytes([0x4E, 0x55, 0x4C, 0x00, 0x61, 0x66, 0x74]),
                          body: .textBytes([0x62, 0x6F, 0x64, 0x79, 0x00, 0x68, 0x69, 0x64, 0x64, 0x65]), createdAt: .text("2026-03-01 08:00:06.000")),
        StoredCommentForm(id: 8, name: .text("February 30th"), body: .text("normalised by Date"), createdAt: .text("2026-02-30 08:00:07.000")),
    ]

    @Test func exportWritesWhatTheAPIReturns() async throws {
        let test = try TestApp()
        defer { test.remove() }
        let database = test.database
        try await test.temporary.raw.insertStoredForms(post: "tricky", Self.rows)

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
