import Foundation
import Testing
@testable import HakamCLI

@Suite struct LogLineWriterTests {
    private func temporaryFile() -> (path: String, descriptor: Int32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).txt").path
        return (path, open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600))
    }

    /// Eight threads append at once through a buffer far smaller than what they write, so that
    /// appenders keep waiting for the writer thread: every line must arrive once, whole, and in
    /// each thread's own order.
    @Test func everyLineArrivesOnceInOrderWhenAppendersOutrunTheWriter() throws {
        let (path, descriptor) = temporaryFile()
        defer { close(descriptor); unlink(path) }
        let writer = LogLineWriter(fileDescriptor: descriptor, limit: 256)
        let threads = 8, linesEach = 2_000
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for line in 0..<linesEach {
                writer.append(Array("t\(thread) line \(line) \(String(repeating: "x", count: line % 40))\n".utf8))
            }
        }
        writer.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == threads * linesEach + 1)
        #expect(lines.last == "")
        var next = [Int](repeating: 0, count: threads)
        for line in lines.dropLast() {
            let fields = line.split(separator: " ")
            let thread = try #require(Int(fields[0].dropFirst()))
            let number = try #require(Int(fields[2]))
            #expect(number == next[thread], "thread \(thread): line \(number) after \(next[thread] - 1)")
            #expect(fields.count == (number % 40 == 0 ? 3 : 4))
            next[thread] = number + 1
        }
        #expect(next == [Int](repeating: linesEach, count: threads))
    }

    @Test func flushReturnsOnceEverythingAppendedIsInTheFile() throws {
        let (path, descriptor) = temporaryFile()
        defer { close(descriptor); unlink(path) }
        let writer = LogLineWriter(fileDescriptor: descriptor)
        writer.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "")
        writer.append(Array("one\n".utf8))
        writer.append(Array("two\n".utf8))
        writer.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
    }
}
