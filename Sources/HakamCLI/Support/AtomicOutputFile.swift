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

    /// The same for a body that awaits (a store read over the network).
    static func write<T>(to path: String, _ body: (AtomicOutputFile) async throws -> T) async throws -> T {
        let file = try create(path: path)
        do {
            let result = try await body(file)
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

    /// Bytes written since writeback was last started (see `startWriteback`).
    private var unsynced = 0

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        defer { startWritebackEvery(bytes.count) }
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

    /// Starts the disk writes of what is written so far every 8 MiB, without waiting for
    /// them, so the fsync at the end has little left to do and a large export does not stall
    /// there. Linux only; elsewhere the fsync does it all.
    private func startWritebackEvery(_ count: Int) {
        #if os(Linux)
        unsynced += count
        guard unsynced >= 8 << 20 else { return }
        unsynced = 0
        _ = Self.syncFileRange?(descriptor, 0, 0, 2 /* SYNC_FILE_RANGE_WRITE */)
        #endif
    }

    #if os(Linux)
    /// sync_file_range(2) from the C library: Swift's Glibc module does not declare it
    /// (it is a GNU extension), so it is looked up once by name.
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRange: SyncFileRange? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
        .map { unsafeBitCast($0, to: SyncFileRange.self) }
    #endif

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
