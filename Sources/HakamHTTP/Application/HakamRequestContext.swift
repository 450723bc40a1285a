import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the peer address (private data: used
/// for hashing and rate limiting, never logged).
public struct HakamRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's address, nil in router tests (no socket). Formatted when asked for: most
    /// requests (public reads) never need it.
    public var peerAddress: String? { channel.remoteAddress?.ipAddress }
    /// The request's connection: a body refused halfway stops it reading (`RequestBodyReader`).
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Request bodies over 256 KiB are refused with 413 (DESIGN.md §3).
    public var maxUploadSize: Int { RequestBodyReader.maximumBytes }
}
