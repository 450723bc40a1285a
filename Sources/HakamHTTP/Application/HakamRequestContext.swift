import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the peer address (private data: used
/// for hashing and rate limiting, never logged).
public struct HakamRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's address, nil in router tests (no socket).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Request bodies over 256 KiB are refused with 413 (DESIGN.md §3).
    public var maxUploadSize: Int { RequestBodyReader.maximumBytes }
}
