import HakamCore
import Hummingbird

/// One public comment list, rendered: the bytes a `200` carries, its entity tag, and the post
/// generation it was rendered at.
struct RenderedList: Sendable {
    let body: ByteBuffer
    /// A strong entity tag with its quotes: a digest of the body, so equal bytes get equal tags
    /// on every server and after a restart (a CDN in front of several nodes revalidates freely).
    let etag: String
    let postGeneration: Int64

    init(body: ByteBuffer, postGeneration: Int64) {
        self.body = body
        self.postGeneration = postGeneration
        let digest = body.withUnsafeReadableBytes { SHA256Digest.hash($0) }
        etag = "\"" + HexEncoding.encode(digest.prefix(16)) + "\""
    }

    /// What the entry costs the memory budget: the body and a rough allowance for the rest.
    var cost: Int { body.readableBytes + 160 }
}

/// What identifies a rendered list: the article, the page, and what the bytes depend on.
struct ListKey: Hashable, Sendable {
    enum Format: Sendable { case json, html }
    let post: String
    let page: Int
    let perPage: Int
    let format: Format
    /// The language of an HTML list (JSON lists do not depend on it).
    let language: Language?
}
