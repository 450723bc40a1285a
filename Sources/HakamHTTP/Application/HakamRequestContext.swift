import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the peer address (private data: used
/// for hashing and rate limiting, never logged).
public struct HakamRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's address, nil in router tests (no socket).
    public let peerAddress: String?
    /// The request's connection: a body refused halfway stops it reading (`RequestBodyReader`).
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
        self.channel = source.channel
    }

    /// Request bodies over 256 KiB are refused with 413 (DESIGN.md §3).
    public var maxUploadSize: Int { RequestBodyReader.maximumBytes }
}
