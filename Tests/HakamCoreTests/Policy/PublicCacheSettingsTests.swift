import HakamCore
import Testing

@Suite("public_cache policy keys")
struct PublicCacheSettingsTests {
    @Test func theKeysSetTheCacheControlValue() throws {
        let policy = try PolicyLoader().parse("public_cache:\n  max_age_seconds: 12\n  stale_while_revalidate_seconds: 0\n  memory_mb: 0\n", file: "p.yml")
        #expect(policy.publicCache == PublicCacheSettings(maxAgeSeconds: 12, staleWhileRevalidateSeconds: 0, memoryMegabytes: 0))
        #expect(policy.publicCache.cacheControl == "public, max-age=12, stale-while-revalidate=0")
        #expect(try PolicyLoader().parse("moderation: all\n", file: "p.yml").publicCache == PublicCacheSettings())
    }

    @Test(arguments: [
        ("public_cache:\n  max_age_seconds: -1\n", "public_cache.max_age_seconds"),
        ("public_cache:\n  stale_while_revalidate_seconds: soon\n", "public_cache.stale_while_revalidate_seconds"),
        ("public_cache:\n  maxage: 5\n", "public_cache.maxage"),
    ])
    func badValuesAreRefusedWithTheirKey(_ yaml: String, _ key: String) {
        #expect {
            try PolicyLoader().parse(yaml, file: "bad.yml")
        } throws: { error in
            (error as? PolicyError)?.key == key && (error as? PolicyError)?.line == 2
        }
    }
}
