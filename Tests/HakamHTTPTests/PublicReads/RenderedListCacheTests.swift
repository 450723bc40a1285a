@testable import HakamHTTP
import Hummingbird
import Testing

@Suite("RenderedListCache and If-None-Match")
struct RenderedListCacheTests {
    func key(_ post: String) -> ListKey { ListKey(post: post, page: 1, perPage: 50, format: .json, language: nil) }
    func list(_ size: Int, generation: Int64 = 1) -> RenderedList {
        RenderedList(body: ByteBuffer(repeating: 0x61, count: size), postGeneration: generation)
    }

    @Test func theLeastRecentlyUsedEntriesGoPastTheByteBudget() {
        let cache = RenderedListCache(capacityBytes: 3 * (1_000 + 160))
        for post in ["a", "b", "c"] { cache.store(key(post), list(1_000), validAt: 1) }
        #expect(cache.count == 3)
        _ = cache.lookup(key("a"))
        cache.store(key("d"), list(1_000), validAt: 1)
        #expect(cache.lookup(key("b")) == nil)
        #expect(cache.lookup(key("a")) != nil && cache.lookup(key("c")) != nil && cache.lookup(key("d")) != nil)
        #expect(cache.byteCount <= cache.capacityBytes)
        cache.store(key("huge"), list(10_000), validAt: 1)
        #expect(cache.lookup(key("huge")) == nil && cache.count == 3)
    }

    @Test func anOlderRenderingDoesNotReplaceANewerOne() {
        let cache = RenderedListCache(capacityBytes: 10_000)
        cache.store(key("a"), list(10, generation: 5), validAt: 9)
        cache.store(key("a"), list(20, generation: 4), validAt: 8)
        #expect(cache.lookup(key("a"))?.list.postGeneration == 5)
        cache.confirm(key("a"), postGeneration: 5, validAt: 12)
        #expect(cache.lookup(key("a"))?.validAt == 12)
        cache.confirm(key("a"), postGeneration: 4, validAt: 20)
        #expect(cache.lookup(key("a"))?.validAt == 12)
    }

    @Test func entityTagListsAreParsedAsRFC9110Says() {
        #expect(EntityTagCondition(fields: ["*"]).matchesAny)
        #expect(EntityTagCondition(fields: [#""a", W/"b" ,"c,d""#]).tags == [#""a""#, #""b""#, #""c,d""#])
        #expect(EntityTagCondition(fields: [#"W/"x""#]).matches(#""x""#))
        #expect(!EntityTagCondition(fields: [#"x"#, #""y"#]).matches(#""x""#))
        #expect(EntityTagCondition(fields: [#"junk, "x""#]).matches(#""x""#))
        #expect(!EntityTagCondition(fields: []).matches(#""x""#))
    }
}
