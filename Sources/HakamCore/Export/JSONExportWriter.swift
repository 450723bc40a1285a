import Foundation

/// `{"exported_at":"…","comments":[…]}`: one JSON value, one comment per line inside it so a
/// diff of two exports stays readable.
public struct JSONExportWriter: ExportWriter {
    private var isFirst = true

    public init() {}

    public func begin(exportedAt: Date, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: #"{"exported_at":""#.utf8)
        ISO8601Timestamp.append(exportedAt, to: &buffer)
        buffer.append(contentsOf: #"","comments":["#.utf8)
    }

    public mutating func write(_ comment: PublicComment, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: (isFirst ? "\n" : ",\n").utf8)
        isFirst = false
        comment.appendJSON(to: &buffer)
    }

    public mutating func write(_ comment: PublicCommentBytes, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: (isFirst ? "\n" : ",\n").utf8)
        isFirst = false
        comment.appendJSON(to: &buffer)
    }

    public func finish(into buffer: inout [UInt8]) {
        buffer.append(contentsOf: (isFirst ? "]}\n" : "\n]}\n").utf8)
    }
}
