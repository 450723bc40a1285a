/// Where an export's bytes go (a file descriptor, a temp file, memory in tests).
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Collects an export's bytes and hands them to the sink in large blocks, so a million rows
/// make a few hundred `write` calls and memory stays at one block whatever the row count.
public struct ExportBuffer {
    public static let blockSize = 1 << 16
    public var bytes: [UInt8] = []
    public let sink: any ByteSink

    public init(sink: any ByteSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    public mutating func append(_ byte: UInt8) { bytes.append(byte) }
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
    public mutating func append(_ number: Int64) { append(String(number)) }

    /// Writes the block out once it is full; called after each row.
    public mutating func flushIfFull() throws {
        if bytes.count >= Self.blockSize { try flush() }
    }

    public mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// A sink that keeps everything in memory (tests, small outputs).
public final class MemorySink: ByteSink {
    public private(set) var data: [UInt8] = []
    public init() {}
    public func write(_ bytes: UnsafeRawBufferPointer) throws { data.append(contentsOf: bytes) }
    public var text: String { String(decoding: data, as: UTF8.self) }
}
