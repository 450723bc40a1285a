#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates a secret file atomically with mode 0600, never replacing an existing one.
enum KeyFileWriter {
    /// Writes `contents` to a new file at `path`. Returns false (writing nothing) if `path`
    /// already exists.
    static func create(at path: String, contents: String) throws(MasterKeyError) -> Bool {
        let temporary = path + ".tmp-" + HexEncoding.encode(SecureRandom.bytes(6))
        try writeNewFile(at: temporary, contents: contents, reportAs: path)

        if link(temporary, path) == 0 {
            unlink(temporary)
            syncParentDirectory(of: path)
            return true
        }
        let linkError = errno
        unlink(temporary)
        switch linkError {
        case EEXIST:
            return false
        case EPERM, EOPNOTSUPP, EXDEV, EMLINK:
            // File systems without hard links: exclusive create on the final name instead.
            do {
                try writeNewFile(at: path, contents: contents, reportAs: path)
            } catch .cannotCreate(_, let reason) where reason == errnoText(EEXIST) {
                return false
            }
            syncParentDirectory(of: path)
            return true
        default:
            throw .cannotCreate(path: path, reason: errnoText(linkError))
        }
    }

    /// `open(O_CREAT|O_EXCL, 0600)`, write everything, fsync, close.
    private static func writeNewFile(at path: String, contents: String, reportAs reportedPath: String) throws(MasterKeyError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path: reportedPath, reason: errnoText(errno)) }
        var failure: Int32 = 0
        // The umask can only remove bits, but be explicit: the key is for the owner only.
        if fchmod(fd, 0o600) != 0 { failure = errno }
        let bytes = Array(contents.utf8)
        var written = 0
        while failure == 0 && written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                written += count
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw .cannotCreate(path: reportedPath, reason: errnoText(failure))
        }
    }

    /// Makes the new directory entry durable; best effort (not every platform allows it).
    private static func syncParentDirectory(of path: String) {
        let parent: String
        if let slash = path.lastIndex(of: "/") {
            parent = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            parent = "."
        }
        let fd = open(parent, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func errnoText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
