import Foundation
import Testing
@testable import HakamCore

@Suite("export writers")
struct ExportWriterTests {
    static let tricky = [
        PublicComment(id: 1, post: "economy/2026", parent: nil, name: "أحمد \"the\" \\ one", url: nil,
                      body: "line\nbreak\ttab\r\u{1}\u{1F} / slash 😀 مرحبا", status: .approved,
                      createdAt: Date(timeIntervalSince1970: 1_800_000_000.612)),
        PublicComment(id: 22, post: "7", parent: 1, name: "Sara", url: "https://example.org/a?b=1&c=2",
                      body: "=HYPERLINK(\"http://evil\")", status: .approved,
                      createdAt: Date(timeIntervalSince1970: 86_400 * 365.25 * 10 + 0.001)),
    ]

    /// The hand-written JSON must be exactly what the HTTP API's encoder (`JSONResponse`) writes.
    @Test(arguments: ExportWriterTests.tricky)
    func jsonMatchesTheAPIEncoder(comment: PublicComment) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.format(date))
        }
        var bytes: [UInt8] = []
        comment.appendJSON(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try encoder.encode(comment), as: UTF8.self))
    }

    @Test func timestampsMatchFoundationsFormatter() {
        // Milliseconds as the database keeps them, before and after 1970, across leap days.
        var seconds = -2_000_000_000.0
        while seconds < 4_000_000_000 {
            let stored = (seconds * 1000).rounded() / 1000
            let date = Date(timeIntervalSince1970: stored)
            // Foundation truncates to milliseconds, so a stored .369 that reads back as
            // .36899999… prints .368; nudged by 0.4 ms it prints the stored value.
            #expect(ISO8601Timestamp.format(date) == date.addingTimeInterval(0.0004).formatted(ISO8601Timestamp.formatStyle))
            seconds += 7_777_777.123
        }
    }

    @Test func wordPressDatesRoundTrip() {
        let date = Date(timeIntervalSince1970: 1_700_000_123)
        let text = ISO8601Timestamp.wordPressGMT(date)
        #expect(text == "2023-11-14 22:15:23")
        #expect(ISO8601Timestamp.parseWordPress(text) == date)
        #expect(ISO8601Timestamp.parseWordPress("0000-00-00 00:00:00") == nil)
        #expect(ISO8601Timestamp.parseWordPress("2023-11-14") == nil)
        // The database's form (GRDB's), with and without milliseconds.
        #expect(ISO8601Timestamp.parseDatabase("2027-01-15 08:00:00.612").map(ISO8601Timestamp.format) == "2027-01-15T08:00:00.612Z")
        #expect(ISO8601Timestamp.parseDatabase("1969-12-31 23:59:59") == Date(timeIntervalSince1970: -1))
        #expect(ISO8601Timestamp.parseDatabase("2027-01-15 08:00:00,612") == nil)
    }

    func export(_ format: ExportFormat, _ comments: [PublicComment] = tricky) throws -> String {
        let sink = MemorySink()
        var exporter = CommentExporter(writer: format.makeWriter(), sink: sink)
        try exporter.begin(exportedAt: Date(timeIntervalSince1970: 1_800_000_500))
        for comment in comments { try exporter.write(comment) }
        try exporter.finish()
        return sink.text
    }

    @Test func ndjsonIsOneObjectPerLine() throws {
        let lines = try export(.ndjson).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { try ISO8601Timestamp.formatStyle.parse($0.singleValueContainer().decode(String.self)) }
        let first = try decoder.decode(PublicComment.self, from: Data(lines[0].utf8))
        #expect(first.body == Self.tricky[0].body && first.name == Self.tricky[0].name && first.parent == nil)
        #expect(ISO8601Timestamp.format(first.createdAt) == "2027-01-15T08:00:00.612Z")
    }

    @Test func jsonIsOneDocument() throws {
        let text = try export(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["exported_at"] as? String == "2027-01-15T08:08:20.000Z")
        #expect((object["comments"] as? [Any])?.count == 2)
        let empty = try JSONSerialization.jsonObject(with: Data(try export(.json, []).utf8)) as? [String: Any]
        #expect((empty?["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        let text = try export(.csv)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows[0] == "id,post,parent,name,url,body,status,created_at")
        #expect(rows[1].hasPrefix("1,economy/2026,,\"أحمد \"\"the\"\" \\ one\",,\"line\nbreak\ttab\r"))
        #expect(text.contains("22,7,1,Sara,https://example.org/a?b=1&c=2,\"'=HYPERLINK(\"\"http://evil\"\")\",approved,"))
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            var cell: [UInt8] = []
            CSVExportWriter.appendText(start + "1+1", to: &cell)
            let text = String(decoding: cell, as: UTF8.self)
            #expect(text.hasPrefix("'") || text.hasPrefix("\"'"), "cell starting with \(start.debugDescription): \(text)")
        }
        var plain: [UInt8] = []
        CSVExportWriter.appendText("سلام, world", to: &plain)
        #expect(String(decoding: plain, as: UTF8.self) == "\"سلام, world\"")
    }

    @Test func cdataSplitsItsTerminator() {
        var bytes: [UInt8] = []
        XMLText.appendCDATA("a]]>b\u{0}", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<![CDATA[a]]]]><![CDATA[>b\u{FFFD}]]>")
    }

    /// Line ends in WXR are LF: the three parsers of WordPress's importer read a raw CR LF
    /// differently (`WXR_Parser_XML` keeps it, the others make it LF) and the regex one shows
    /// `&#13;` as markup; with LF they all read the same text (docs/export-import.md).
    @Test func wxrLineEndsAreLF() throws {
        var bytes: [UInt8] = []
        XMLText.appendCDATA("one\r\ntwo\rthree\nfour]]>\r\n\r\nend\r", to: &bytes)
        #expect(bytes == Array("<![CDATA[one\ntwo\nthree\nfour]]]]><![CDATA[>\n\nend\n]]>".utf8))
        #expect(!bytes.contains(0x0D))

        let comment = PublicComment(id: 5, post: "1", parent: nil, name: "Form\r\nUser", url: nil,
                                    body: "A form textarea sends CRLF:\r\nsecond line.\r\n\r\nThird.", status: .approved,
                                    createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        var writer = WXRExportWriter()
        var file: [UInt8] = []
        writer.begin(exportedAt: comment.createdAt, into: &file)
        writer.write(comment, into: &file)
        writer.finish(into: &file)
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.contains("<wp:comment_content><![CDATA[A form textarea sends CRLF:\nsecond line.\n\nThird.]]></wp:comment_content>"))
        #expect(!file.contains(0x0D))
        var read: [WXRComment] = []
        try WXRReader(stream: InputStream(data: Data(file))).read { read.append($0) }
        #expect(read.map(\.content) == ["A form textarea sends CRLF:\nsecond line.\n\nThird."])
        #expect(read.map(\.author) == ["Form\nUser"])
    }

    /// What the WXR writer writes, the reader reads back: ids, threading, text, post keys.
    @Test func wxrReadsBack() throws {
        let text = try export(.wxr)
        var read: [WXRComment] = []
        try WXRReader(stream: InputStream(data: Data(text.utf8))).read { read.append($0) }
        #expect(read.count == 2)
        #expect(read.map(\.id) == ["1", "22"] && read.map(\.parent) == ["0", "1"])
        #expect(read[0].postKeyMeta == "economy/2026" && read[1].postID == "7")
        #expect(read[0].author == Self.tricky[0].name)
        // The CR comes back as LF: WXR line ends are LF (see wxrLineEndsAreLF).
        #expect(read[0].content == Self.tricky[0].body.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}").replacingOccurrences(of: "\u{1F}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\r", with: "\n"))
        #expect(read[0].authorEmail.isEmpty && read[0].authorIP.isEmpty)
        #expect(read[0].authorURL.isEmpty && read[1].authorURL == Self.tricky[1].url)
        #expect(text.contains("<wp:comment_author_url><![CDATA[https://example.org/a?b=1&c=2]]></wp:comment_author_url>"))
        #expect(read[0].site == WXRExportWriter.defaultSiteURL)
    }
}
