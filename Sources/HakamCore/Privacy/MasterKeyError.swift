/// Why the master key could not be made or loaded. Messages name the key file and say
/// what to do; they never include key material.
public enum MasterKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `MasterKey(bytes:)` was given the wrong number of bytes.
    case invalidLength(actual: Int)
    /// The key file exists but cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The key file was read but is not 64 hexadecimal characters and a newline.
    case malformed(path: String, reason: String)
    /// The key file did not exist and could not be created.
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidLength(let actual):
            "a master key must be \(MasterKey.byteCount) bytes, got \(actual)"
        case .unreadable(let path, let reason):
            "cannot read key file \(path): \(reason)"
        case .malformed(let path, let reason):
            "key file \(path) is not a Hakam key (\(reason)); it must hold \(MasterKey.byteCount * 2) hexadecimal characters and a newline. Do not replace it unless you accept losing every stored email"
        case .cannotCreate(let path, let reason):
            "cannot create key file \(path): \(reason)"
        }
    }
}
