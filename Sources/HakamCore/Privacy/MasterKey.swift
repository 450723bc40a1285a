#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one secret of a Hakam installation: 32 random bytes in the key file, from which
/// `PrivacyKeys` derives every working key. Losing the file means stored emails can no
/// longer be matched or revealed.
///
/// The file holds the key as 64 lower-case hex characters and a newline, mode 0600.
public struct MasterKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let byteCount = 32

    /// The raw key. Handle with care: never log it.
    public let bytes: [UInt8]

    /// Wraps existing key bytes (exactly 32).
    public init(bytes: [UInt8]) throws(MasterKeyError) {
        guard bytes.count == Self.byteCount else { throw .invalidLength(actual: bytes.count) }
        self.bytes = bytes
    }

    /// A fresh random key (not written anywhere).
    public static func generate() -> MasterKey {
        // 32 bytes by construction, so the init cannot fail.
        MasterKey(unchecked: SecureRandom.bytes(byteCount))
    }

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    public var description: String { "MasterKey(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Loads the key in `path`, or — if there is no such file — creates one with a new
    /// random key, mode 0600, and returns that.
    ///
    /// Creation is atomic and race-free: the key is written to a private temporary file in
    /// the same folder, flushed, then `link(2)`ed to `path`, which fails if the name already
    /// exists. So readers never see a half-written file, and when two processes (server and
    /// CLI) start at once both end up with the key of whichever linked first. Where hard
    /// links are not supported, it falls back to `open(O_CREAT|O_EXCL, 0600)` on `path`.
    public static func loadOrCreate(at path: String) throws(MasterKeyError) -> MasterKey {
        if let existing = try load(ifPresentAt: path) { return existing }
        let key = generate()
        if try KeyFileWriter.create(at: path, contents: key.fileContents) {
            return key
        }
        // Someone else created it between our look and our link: use theirs.
        guard let theirs = try load(ifPresentAt: path) else {
            throw .cannotCreate(path: path, reason: "the file appeared and vanished while creating it")
        }
        return theirs
    }

    /// Loads an existing key file; a missing file is an error here.
    public static func load(at path: String) throws(MasterKeyError) -> MasterKey {
        guard let key = try load(ifPresentAt: path) else {
            throw .unreadable(path: path, reason: KeyFileWriter.errnoText(ENOENT))
        }
        return key
    }

    /// The file format: hex and a newline.
    var fileContents: String { HexEncoding.encode(bytes) + "\n" }

    private static func load(ifPresentAt path: String) throws(MasterKeyError) -> MasterKey? {
        guard let contents = try KeyFileReader.read(path) else { return nil }
        guard let text = String(validating: contents, as: UTF8.self) else {
            throw .malformed(path: path, reason: "not text")
        }
        // Tolerate an editor's trailing whitespace or CRLF; nothing else.
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard !trimmed.isEmpty else {
            throw .malformed(path: path, reason: "the file is empty")
        }
        guard trimmed.utf8.count == byteCount * 2 else {
            throw .malformed(path: path, reason: "found \(trimmed.utf8.count) characters instead of \(byteCount * 2)")
        }
        guard let bytes = HexEncoding.decode(trimmed) else {
            throw .malformed(path: path, reason: "it contains characters that are not hexadecimal digits")
        }
        return MasterKey(unchecked: bytes)
    }
}
