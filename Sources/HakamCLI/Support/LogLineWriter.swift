import Foundation

/// Writes the server's log lines to a file descriptor (stderr) from a thread of its own, so that
/// no request thread makes a `write` system call per log line.
///
/// Every request logs one access line. Written by the request's own thread, that is a system
/// call per request and, with stderr on a file, a wait for the file's lock and for the disk
/// whenever it is busy; with only two threads in the cooperative pool, one stalled write held up
/// every other request. Here a line is appended to a buffer under a lock and the writer thread
/// writes what has gathered, so under load one `write` carries many lines.
///
/// Nothing is dropped: lines are written in the order they were appended, and when the output
/// falls more than `limit` bytes behind (a disk that has stopped), appenders wait for it instead
/// of losing lines or growing without bound. `flush()` returns once everything appended before
/// it is written; the server calls it before it exits. A process killed with SIGKILL can lose
/// the lines appended in the last moments, which the writer thread had not yet written.
final class LogLineWriter: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    static let standardError = LogLineWriter(fileDescriptor: STDERR_FILENO)

    private let fileDescriptor: Int32
    private let limit: Int
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var writing = false
    private var writerWaiting = false

    init(fileDescriptor: Int32, limit: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        self.limit = max(1, limit)
        pending.reserveCapacity(64 * 1024)
        let thread = Thread { [self] in run() }
        thread.name = "hakam.log-writer"
        thread.start()
    }

    /// Queues `line` (its bytes, newline included) for writing.
    func append(_ line: some Collection<UInt8>) {
        condition.lock()
        while pending.count >= limit { condition.wait() }
        pending.append(contentsOf: line)
        if writerWaiting { condition.broadcast() }
        condition.unlock()
    }

    /// Waits until every line appended before this call is written.
    func flush() {
        condition.lock()
        while !pending.isEmpty || writing { condition.wait() }
        condition.unlock()
    }

    private func run() {
        var batch: [UInt8] = []
        batch.reserveCapacity(64 * 1024)
        while true {
            condition.lock()
            while pending.isEmpty {
                writerWaiting = true
                condition.wait()
            }
            writerWaiting = false
            swap(&batch, &pending)
            writing = true
            // Appenders waiting for room, if any, may go on now.
            condition.broadcast()
            condition.unlock()

            writeAll(batch)
            batch.removeAll(keepingCapacity: true)

            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var rest = buffer
            while !rest.isEmpty {
                let written = write(fileDescriptor, rest.baseAddress, rest.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    // stderr closed or the disk full: the lines cannot go anywhere else.
                    return
                }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }
}
