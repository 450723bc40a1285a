import Foundation

/// One JSON object per line, the same object `GET /comments` returns for a comment.
public struct NDJSONExportWriter: ExportWriter {
    public init() {}
    public func begin(exportedAt: Date, into buffer: inout [UInt8]) {}
    public func write(_ comment: PublicComment, into buffer: inout [UInt8]) {
        comment.appendJSON(to: &buffer)
        buffer.append(0x0A)
    }
    public func write(_ comment: PublicCommentBytes, into buffer: inout [UInt8]) {
        comment.appendJSON(to: &buffer)
        buffer.append(0x0A)
    }
    public func finish(into buffer: inout [UInt8]) {}
}
