/// Writes bytes through a pointer into memory the caller sized beforehand: an export formats
/// each row this way and appends it to its output block in one copy, instead of growing an
/// array two dozen times a row.
public struct ByteCursor {
    public private(set) var next: UnsafeMutablePointer<UInt8>

    public init(_ start: UnsafeMutablePointer<UInt8>) {
        next = start
    }

    @inline(__always)
    public mutating func put(_ byte: UInt8) {
        next.initialize(to: byte)
        next += 1
    }

    @inline(__always)
    public mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        next.initialize(from: base, count: bytes.count)
        next += bytes.count
    }

    @inline(__always)
    public mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    /// Formats into a scratch area of `capacity` bytes and appends what was written to `bytes`.
    /// `capacity` must bound what `body` writes.
    public static func append(to bytes: inout [UInt8], capacity: Int, _ body: (inout ByteCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            var cursor = ByteCursor(scratch.baseAddress!)
            body(&cursor)
            bytes.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: cursor.next - scratch.baseAddress!))
        }
    }
}
