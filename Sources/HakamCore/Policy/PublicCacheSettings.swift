import Yams

/// How the public comment lists (`GET /comments`, `/comments.html`) may be cached
/// (`public_cache:` in the policy): by browsers and a CDN through `Cache-Control`, and by the
/// server itself as rendered bytes in memory.
public struct PublicCacheSettings: Sendable, Equatable {
    /// `max-age`: how long a browser or shared cache may reuse a list without asking (seconds).
    public var maxAgeSeconds: Int
    /// `stale-while-revalidate`: how much longer a cache may serve it while it revalidates.
    public var staleWhileRevalidateSeconds: Int
    /// The most rendered bytes the server keeps (read at start; 0 turns its cache off).
    public var memoryMegabytes: Int

    public init(maxAgeSeconds: Int = 5, staleWhileRevalidateSeconds: Int = 30, memoryMegabytes: Int = 64) {
        self.maxAgeSeconds = maxAgeSeconds
        self.staleWhileRevalidateSeconds = staleWhileRevalidateSeconds
        self.memoryMegabytes = memoryMegabytes
    }

    /// The `Cache-Control` value of a public list.
    public var cacheControl: String {
        "public, max-age=\(maxAgeSeconds), stale-while-revalidate=\(staleWhileRevalidateSeconds)"
    }
}

/// Reads `public_cache:` with the loader's file:line errors.
struct PublicCacheSettingsReader {
    let reader: PolicyNodeReader

    func read(_ node: Node) throws(PolicyError) -> PublicCacheSettings {
        let entry = try reader.mapping(node, key: "public_cache", allowed: ["max_age_seconds", "stale_while_revalidate_seconds", "memory_mb"])
        var settings = PublicCacheSettings()
        if let value = entry["max_age_seconds"] {
            settings.maxAgeSeconds = try reader.int(value, key: "public_cache.max_age_seconds", range: 0...86_400)
        }
        if let value = entry["stale_while_revalidate_seconds"] {
            settings.staleWhileRevalidateSeconds = try reader.int(value, key: "public_cache.stale_while_revalidate_seconds", range: 0...86_400)
        }
        if let value = entry["memory_mb"] {
            settings.memoryMegabytes = try reader.int(value, key: "public_cache.memory_mb", range: 0...65_536)
        }
        return settings
    }
}
