import Foundation
import HakamCore
import Logging

/// The `--log-format text` lines: `2026-11-30T07:16:20.123Z info hakam : key=value [module] message`,
/// the layout of swift-log's `StreamLogHandler`, but with UTC timestamps.
///
/// `StreamLogHandler` formats local time with `localtime_r`, and glibc re-reads the time zone file
/// (a `stat` of /etc/localtime and its parsing) for every line: with two lines per comment, that
/// showed as several percent of the submit path in profiles. UTC also matches every other
/// timestamp Hakam prints.
struct TextLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:] {
        didSet { prettyMetadata = Self.prettify(metadata) }
    }
    private var prettyMetadata: String?

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = line(for: event, at: Date())
        line.utf8.withContiguousStorageIfAvailable { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }

    /// One line, newline included.
    func line(for event: LogEvent, at date: Date) -> String {
        let pretty: String?
        if let extra = event.metadata, !extra.isEmpty {
            pretty = Self.prettify(metadata.merging(extra, uniquingKeysWith: { $1 }))
        } else {
            pretty = prettyMetadata
        }
        var line = ISO8601Timestamp.format(date)
        line += " \(event.level) \(label) :"
        if let pretty { line += " " + pretty }
        line += " [\(event.source)] \(event.message)\n"
        return line
    }

    private static func prettify(_ metadata: Logger.Metadata) -> String? {
        guard !metadata.isEmpty else { return nil }
        return metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
