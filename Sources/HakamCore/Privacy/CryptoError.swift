/// Failures of the libcrypto wrappers that a caller can cause (bad sizes, forged data).
/// Internal libcrypto failures that cannot happen with valid arguments stop the process
/// instead: carrying on without working crypto would be worse.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidKeySize(expected: Int, actual: Int)
    case invalidNonceSize(actual: Int)
    case invalidTagSize(expected: Int, actual: Int)
    /// The tag does not match: wrong key, wrong nonce/AAD, or tampered ciphertext.
    case authenticationFailed
    /// libcrypto refused an operation; the text is from its error queue.
    case libcrypto(String)

    public var description: String {
        switch self {
        case .invalidKeySize(let expected, let actual): "key must be \(expected) bytes, got \(actual)"
        case .invalidNonceSize(let actual): "nonce must be 1 or more bytes, got \(actual)"
        case .invalidTagSize(let expected, let actual): "tag must be \(expected) bytes, got \(actual)"
        case .authenticationFailed: "authentication failed: wrong key or tampered data"
        case .libcrypto(let message): "libcrypto error: \(message)"
        }
    }
}
