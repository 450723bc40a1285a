import Foundation
import HakamCore
import Logging

/// The `--log-format text` lines: `2026-11-30T07:16:20.123Z info hakam : key=value [module] message`,
/// the layout of swift-log's `StreamLogHandler`, but with UTC timestamps.
///
/// `StreamLogHandler` formats local time with `localtime_r`, and glibc re-reads the time zone file
/// (a `stat` of /etc/localtime and its parsing) for every line, two per comment. UTC also
/// matches every other timestamp Hakam prints.
struct TextLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    /// Formatted when a line is written, not when it is set: Hummingbird sets the request id on
    /// every request's logger, and nearly every line brings metadata of its own anyway.
    var metadata: Logger.Metadata = [:]

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

    /// One line, newline included, built as bytes in one buffer: it is written twice per comment,
    /// so merged, sorted and interpolated strings would cost on the submit path.
    func line(for event: LogEvent, at date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(192)
        ISO8601Timestamp.append(date, to: &bytes)
        bytes.append(0x20)
        bytes.append(contentsOf: event.level.rawValue.utf8)
        bytes.append(0x20)
        bytes.append(contentsOf: label.utf8)
        bytes.append(contentsOf: " :".utf8)
        Self.appendPretty(handler: metadata, event: event.metadata ?? [:], to: &bytes)
        bytes.append(contentsOf: " [".utf8)
        bytes.append(contentsOf: event.source.utf8)
        bytes.append(contentsOf: "] ".utf8)
        bytes.append(contentsOf: event.message.description.utf8)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ` key=value key=value`, keys sorted; the event's value wins over the handler's.
    private static func appendPretty(handler: Logger.Metadata, event: Logger.Metadata, to bytes: inout [UInt8]) {
        var pairs: [(key: String, value: Logger.Metadata.Value)] = []
        pairs.reserveCapacity(handler.count + event.count)
        for pair in handler where event[pair.key] == nil { pairs.append(pair) }
        for pair in event { pairs.append(pair) }
        pairs.sort { $0.key < $1.key }
        for (key, value) in pairs {
            bytes.append(0x20)
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "="))
            switch value {
            case .string(let text): bytes.append(contentsOf: text.utf8)
            case let other: bytes.append(contentsOf: other.description.utf8)
            }
        }
    }
}
