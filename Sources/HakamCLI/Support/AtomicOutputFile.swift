import Foundation
import HakamCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears whole or not at all: bytes go to a temp file in the target's folder
/// (so the rename cannot cross file systems), which is fsynced and renamed over the target
/// only when everything was written. A failure removes the temp file and leaves any earlier
/// file at the target untouched.
final class AtomicOutputFile: ByteSink {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    private init(path: String, temporaryPath: String, descriptor: Int32) {
        self.path = path
        self.temporaryPath = temporaryPath
        self.descriptor = descriptor
    }

    /// Writes `body`'s bytes to `path` atomically; rethrows `body`'s error after cleaning up.
    static func write<T>(to path: String, _ body: (AtomicOutputFile) throws -> T) throws -> T {
        let file = try create(path: path)
        do {
            let result = try body(file)
            try file.commit()
            return result
        } catch {
            file.discard()
            throw error
        }
    }

    private static func create(path: String) throws -> AtomicOutputFile {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(target.lastPathComponent).hakam-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        // mkstemp makes the file 0600; an export is public data, readable like any new file.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return AtomicOutputFile(path: path, temporaryPath: temporaryPath, descriptor: descriptor)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func commit() throws {
        guard fsync(descriptor) == 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        // The rename itself is durable only once the folder is synced.
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    private func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }
}

/// write(2), named apart from `ByteSink.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
