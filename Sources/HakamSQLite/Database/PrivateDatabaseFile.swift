#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The database holds hashes and sealed emails: it is the owner's only. SQLite would create it
/// 0644 (less the umask); creating the empty file 0600 first makes SQLite's own files follow,
/// because it gives the -wal and -shm files the mode of the database file.
enum PrivateDatabaseFile {
    /// Creates `path` empty with mode 0600 when it does not exist; an existing file is left as it is.
    static func createIfMissing(_ path: String) {
        guard path != ":memory:", !path.isEmpty else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }  // exists already, or SQLite will report why it cannot open it
        _ = fchmod(fd, 0o600)  // the umask can only remove bits; be explicit anyway
        close(fd)
    }
}
