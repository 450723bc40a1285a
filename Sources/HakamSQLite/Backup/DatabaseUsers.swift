#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether another process has a SQLite database open, for the commands that must not run beside the
/// server (`restore`, `rotate-key`). In WAL mode every open connection holds a shared lock on one byte
/// of the `-shm` file (SQLite's unix VFS "DMS" byte, offset 128) for as long as it is open; asking
/// the kernel which process would block an exclusive lock there names one of them.
public enum DatabaseUsers {
    /// The byte SQLite's unix VFS locks in `-shm` while a connection is open (UNIX_SHM_DMS).
    static let liveConnectionByte: off_t = 128

    /// The id of a process that has `path` open, or nil when none has (or it is not in WAL mode).
    public static func otherProcess(using path: String) -> Int32? {
        let fd = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = liveConnectionByte
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return lock.l_pid
    }
}
