import Foundation

/// Formats a stream of public comments. Writers only append to the buffer; `CommentExporter`
/// decides when bytes leave, so every writer streams the same way.
public protocol ExportWriter {
    mutating func begin(exportedAt: Date, into buffer: inout [UInt8])
    /// Comments arrive in the export order: post, then created time, then id.
    mutating func write(_ comment: PublicComment, into buffer: inout [UInt8])
    /// The same comment lent as bytes (the export's fast path). Writers that format from
    /// bytes implement it; the others get the `String`s made for them.
    mutating func write(_ comment: PublicCommentBytes, into buffer: inout [UInt8])
    mutating func finish(into buffer: inout [UInt8])
}

extension ExportWriter {
    public mutating func write(_ comment: PublicCommentBytes, into buffer: inout [UInt8]) {
        write(comment.comment, into: &buffer)
    }
}

/// Drives one writer over a sink: the whole export of one command.
public struct CommentExporter {
    private var writer: any ExportWriter
    private var buffer: ExportBuffer
    public private(set) var count = 0

    public init(writer: any ExportWriter, sink: any ByteSink) {
        self.writer = writer
        self.buffer = ExportBuffer(sink: sink)
    }

    public mutating func begin(exportedAt: Date) throws {
        writer.begin(exportedAt: exportedAt, into: &buffer.bytes)
        try buffer.flushIfFull()
    }

    public mutating func write(_ comment: PublicComment) throws {
        writer.write(comment, into: &buffer.bytes)
        count += 1
        try buffer.flushIfFull()
    }

    public mutating func write(_ comment: PublicCommentBytes) throws {
        writer.write(comment, into: &buffer.bytes)
        count += 1
        try buffer.flushIfFull()
    }

    public mutating func finish() throws {
        writer.finish(into: &buffer.bytes)
        try buffer.flush()
    }
}
