import ArgumentParser
import Foundation
import HakamCore
import HakamStore

extension ExportFormat: ExpressibleByArgument {}

/// `hakam export`: approved comments for publishing, never private data, in a stable order
/// (post, created time, id), streamed from a database cursor to a buffered writer.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export approved comments (no emails, IPs or other private data).",
        discussion: """
            Order: post, then created time, then id. --since/--until select by the time a comment \
            last changed (its approval), so polling with --since never misses a late approval.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "ndjson, json, csv or wxr.") var format: ExportFormat = .ndjson
    @Option(help: ArgumentHelp("Only this article.", valueName: "key")) var post: String?
    @Option(help: ArgumentHelp("Only comments approved (changed) at or after this time, ISO 8601.", valueName: "time")) var since: String?
    @Option(help: ArgumentHelp("Only comments approved (changed) before this time, ISO 8601.", valueName: "time")) var until: String?
    @Option(help: ArgumentHelp("Write to this file atomically instead of stdout.", valueName: "file")) var output: String?
    @Option(name: .customLong("site-url"), help: ArgumentHelp("wxr: the site URL written in the channel.", valueName: "url"))
    var siteURL: String = WXRExportWriter.defaultSiteURL

    func validate() throws {
        if let since, ExportTime.parse(since) == nil { throw ValidationError("--since must be an ISO 8601 time like 2026-11-30T08:00:00Z") }
        if let until, ExportTime.parse(until) == nil { throw ValidationError("--until must be an ISO 8601 time like 2026-11-30T08:00:00Z") }
    }

    func run() async throws { try await execute(.live()) }

    func execute(_ console: TerminalConsole) async throws {
        do {
            let database = try await global.openExistingDatabase()
            let filter = ExportFilter(post: post, since: since.flatMap(ExportTime.parse), until: until.flatMap(ExportTime.parse))
            let exportedAt = console.now()
            if let output {
                let count = try await AtomicOutputFile.write(to: output) { file in
                    try await export(database, filter: filter, exportedAt: exportedAt, to: file, console: console)
                }
                console.printError("exported \(count) comment\(count == 1 ? "" : "s") to \(output)")
            } else {
                let sink = ConsoleByteSink(console: console)
                _ = try await export(database, filter: filter, exportedAt: exportedAt, to: sink, console: console)
                sink.finish()
            }
        } catch {
            throw moderationFailure(error)
        }
    }

    private func export(_ database: any CommentStore, filter: ExportFilter, exportedAt: Date, to sink: any ByteSink, console: TerminalConsole) async throws -> Int {
        let total = ProgressBar.canShow(on: console) ? try? await database.approvedCommentCount(filter) : nil
        let progress = ProgressBar(console: console, label: "exporting", total: total ?? 0)
        defer { progress.finish() }
        var exporter = CommentExporter(writer: format.makeWriter(siteURL: siteURL), sink: sink)
        try exporter.begin(exportedAt: exportedAt)
        _ = try await database.exportApprovedComments(filter) { row in
            try exporter.write(row)
            progress.advance()
        }
        try exporter.finish()
        return exporter.count
    }
}

/// The times `--since` and `--until` take: ISO 8601 with or without fractional seconds and
/// offset, or a bare date (midnight UTC).
enum ExportTime {
    static func parse(_ text: String) -> Date? {
        let styles: [Date.ISO8601FormatStyle] = [
            Date.ISO8601FormatStyle(includingFractionalSeconds: true),
            Date.ISO8601FormatStyle(),
            Date.ISO8601FormatStyle().year().month().day(),
        ]
        for style in styles {
            if let date = try? style.parse(text) { return date }
        }
        return nil
    }
}
extension ExportCommand: ConsoleCommand {}
