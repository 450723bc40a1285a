/// Why a sealed email could not be opened.
public enum SealedEmailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter than the fixed header and tag: not a sealed email at all.
    case truncated(byteCount: Int)
    /// A format version this build does not know.
    case unsupportedVersion(UInt8)
    /// Sealed under another master key (the key file was replaced or is the wrong one).
    case keyMismatch(sealedWith: String, current: String)
    /// The right key id but the tag does not verify: the data was altered.
    case tampered
    /// Decrypted, but not UTF-8 text (cannot happen for data we sealed).
    case notText

    public var description: String {
        switch self {
        case .truncated(let count): "sealed email is truncated (\(count) bytes)"
        case .unsupportedVersion(let version): "sealed email has unknown format version \(version)"
        case .keyMismatch(let sealedWith, let current):
            "sealed email was sealed with key \(sealedWith) but the key file holds key \(current): wrong key file?"
        case .tampered: "sealed email failed authentication: it was altered or corrupted"
        case .notText: "sealed email does not contain text"
        }
    }
}
