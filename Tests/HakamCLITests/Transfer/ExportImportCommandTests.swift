import Foundation
import HakamCore
import HakamStore
import Testing
import HakamTestSupport
@testable import HakamCLI
import HakamSQLite

@Suite("export and import commands")
struct ExportImportCommandTests {
    let f: ModerationCLIFixture
    init() throws { f = try ModerationCLIFixture() }

    func write(_ text: String, name: String = "export.xml") throws -> String {
        let path = f.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }


    @Test func importMapsStatusesThreadsAndProtectsPrivateData() async throws {
        let path = try write(WXRSample.thread.xml)
        let result = await f.run(["import", "--format", "wxr", path])
        #expect(result.exitCode == 0, "\(result.message)")
        #expect(result.stdout.hasPrefix("imported 6, skipped 1, failed 0\n"))
        #expect(result.stdout.contains("skipped 1: pingback"))
        #expect(result.stdout.contains("1 replies linked to a parent that came later in the file"))

        let rows = try await f.probe.importedComments()
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.sourceID, $0.comment) })
        #expect(rows.map(\.comment.status) == [.approved, .pending, .approved, .spam, .trash, .approved])
        #expect(rows.allSatisfy { $0.comment.postKey == "5" || $0.comment.postKey == "8" })
        // The reply (12) came before its parent (10) in the file and is linked all the same.
        #expect(byID["12"]?.parentID != nil && byID["12"]?.parentID == byID["10"]?.id)
        #expect(byID["10"]?.name == "أحمد")
        #expect(byID["10"]?.url == "https://ahmad.example/?a=1&b=2")
        // Emails hashed and sealed with the key file, IPs hashed; no plaintext anywhere in the file.
        let sara = try EmailAddress(parsing: "sara.private@example.com")
        #expect(byID["12"]?.emailHash == f.protector.emailHash(sara))
        #expect(try f.protector.openSealedEmail(try #require(byID["12"]?.emailSealed)) == "sara.private@example.com")
        #expect(byID["12"]?.ipHash == f.protector.ipHash("198.51.100.12"))
        try await f.temporary.raw.checkpoint()
        let file = try Data(contentsOf: URL(fileURLWithPath: f.databasePath))
        for secret in WXRSample.privateValues {
            #expect(file.range(of: Data(secret.utf8)) == nil, "\(secret) is in the database file")
        }
        // Audit: one `import` event per comment; authors counters follow the insert trigger.
        #expect(try await f.probe.eventCount(action: "import", actor: "import") == 6)
        #expect(try await f.probe.author(emailHash: f.protector.emailHash(sara))?.approved == 1)
        #expect(try await f.probe.authorTotals().spam == 1)
    }

    @Test func importingTwiceAddsNothing() async throws {
        let path = try write(WXRSample.thread.xml)
        _ = await f.run(["import", path])
        let again = await f.run(["import", path])
        #expect(again.exitCode == 0)
        #expect(again.stdout.hasPrefix("imported 0, skipped 7, failed 0\n"))
        #expect(again.stdout.contains("skipped 6: already imported"))
        #expect(try await f.probe.count(.comments) == 6)
        #expect(try await f.probe.authorTotals().comments == 6)

        // A purged comment stays imported: its source row outlives it.
        let purged = try #require(try await f.probe.importedComments().first { $0.sourceID == "13" }?.comment.id)
        try await f.temporary.raw.deleteComment(id: purged)
        #expect(await f.run(["import", path]).stdout.hasPrefix("imported 0,"))
    }

    @Test func malformedXMLStopsWithTheLineAndImportsNothing() async throws {
        let broken = WXRSample.thread.xml.replacingOccurrences(of: "<wp:comment_id>13</wp:comment_id>", with: "<wp:comment_id>13</wp:comment_ID>")
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("</wp:comment_ID>") }! + 1
        let result = await f.run(["import", try write(broken)])
        #expect(result.exitCode == 1)
        #expect(result.message.contains("malformed XML at line \(line),"), "\(result.message)")
        #expect(result.message.hasSuffix("nothing was imported"))
        #expect(try await f.probe.count(.comments) == 0)
        #expect(try await f.probe.count(.importSources) == 0)

        let truncated = String(WXRSample.thread.xml.dropLast("</channel>\n</rss>\n".count))
        let cut = await f.run(["import", try write(truncated, name: "cut.xml")])
        #expect(cut.exitCode == 1 && cut.message.contains("before the document is complete"), "\(cut.message)")
        #expect(try await f.probe.count(.comments) == 0)
    }

    func exportText(_ arguments: [String]) async throws -> String {
        let result = await f.run(["export"] + arguments)
        #expect(result.exitCode == 0, "\(result.message)")
        return result.stdout
    }

    /// Every format, every byte: no author's email or IP (nor their hashes) ever leaves.
    @Test(arguments: ExportFormat.allCases)
    func exportsCarryNoPrivateData(format: ExportFormat) async throws {
        _ = await f.run(["import", try write(WXRSample.thread.xml)])
        try await f.add("a live comment", action: .approve)
        _ = await f.run(["approve", "--status", "pending", "--yes"])
        let text = try await exportText(["--format", format.rawValue])
        #expect(text.contains("تحليل ممتاز") && text.contains("a live comment"))
        let hashes = try await f.probe.keyedValues()
        for secret in WXRSample.privateValues + f.secrets + hashes {
            #expect(!text.contains(secret), "\(format): \(secret) exported")
            #expect(!text.lowercased().contains(secret.lowercased()), "\(format): \(secret) exported")
        }
        #expect(!text.contains("cheap pills") && !text.contains("removed"), "only approved comments")
    }

    @Test func exportOrderFiltersAndCSVFormulas() async throws {
        _ = await f.run(["import", try write(WXRSample.thread.xml)])
        let ndjson = try await exportText([])
        let posts = ndjson.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap { $0?["body"] as? String }
        }
        #expect(posts == ["تحليل ممتاز، شكراً\nسطر ثانٍ", "Replying = agreeing, mostly.", "-1 for this article"])
        #expect(try await exportText(["--post", "8"]).split(separator: "\n").count == 1)
        // Imported comments changed "now" (the import), so an incremental export after it has none.
        let later = ISO8601Timestamp.format(f.now.addingTimeInterval(1))
        #expect(try await exportText(["--since", later]).isEmpty)
        #expect(try await exportText(["--until", later]).split(separator: "\n").count == 3)
        let csv = try await exportText(["--format", "csv"])
        #expect(csv.contains(",'-1 for this article,"))
        #expect(csv.contains("\"Replying = agreeing, mostly.\""))
    }

    /// Import → approve → export WXR → import into a fresh database → the same public comments.
    @Test func wxrRoundTrip() async throws {
        _ = await f.run(["import", try write(WXRSample.thread.xml)])
        #expect(await f.run(["approve", "--status", "pending", "--yes"]).exitCode == 0)
        let exported = f.directory.appendingPathComponent("out.wxr").path
        let result = await f.run(["export", "--format", "wxr", "--output", exported])
        #expect(result.exitCode == 0 && result.stderr == "exported 4 comments to \(exported)\n")

        let fresh = try ModerationCLIFixture()
        let second = await fresh.run(["import", exported])
        #expect(second.stdout.hasPrefix("imported 4, skipped 0, failed 0"), "\(second.stdout)\(second.message)")
        let before = try await f.probe.publicCommentTexts()
        #expect(before.count == 4)
        #expect(try await fresh.probe.publicCommentTexts() == before)
    }

    @Test func aFailedExportLeavesNoFile() async throws {
        let target = f.directory.appendingPathComponent("export.ndjson").path
        try "the previous export\n".write(toFile: target, atomically: true, encoding: .utf8)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try AtomicOutputFile.write(to: target) { file in
                try [UInt8]("half an export".utf8).withUnsafeBytes { try file.write($0) }
                throw Boom()
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the previous export\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.directory.path).filter { $0.contains(".hakam-") }
        #expect(leftovers.isEmpty)

        let missing = f.directory.appendingPathComponent("no/such/dir/out.csv").path
        let failed = await f.run(["export", "--format", "csv", "--output", missing])
        #expect(failed.exitCode == 1 && failed.message.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
