#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small secret file with plain POSIX calls (no Foundation caching or mapping).
enum KeyFileReader {
    /// A key file is 65 bytes; anything much bigger is not a key file.
    private static let maximumSize = 4096

    /// The file's bytes, or nil if it does not exist.
    static func read(_ path: String) throws(MasterKeyError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let error = errno
            if error == ENOENT { return nil }
            throw .unreadable(path: path, reason: KeyFileWriter.errnoText(error))
        }
        defer { close(fd) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                let error = errno
                if error == EINTR { continue }
                throw .unreadable(path: path, reason: KeyFileWriter.errnoText(error))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk.prefix(count))
            guard bytes.count <= maximumSize else {
                throw .malformed(path: path, reason: "the file is larger than \(maximumSize) bytes")
            }
        }
        return bytes
    }

    // `read` is shadowed by our own static method inside this type.
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #else
        Glibc.read(fd, buffer, count)
        #endif
    }
}
