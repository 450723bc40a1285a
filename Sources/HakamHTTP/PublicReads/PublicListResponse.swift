import HakamCore
import Hummingbird

/// The `200` or `304` of a public comment list: cacheable by anyone (`public_cache` in the
/// policy), validated by its entity tag.
enum PublicListResponse {
    static func make(
        _ list: RenderedList, request: Request, contentType: String, cacheControl: String,
        language: Language? = nil, variesByLanguage: Bool = false
    ) -> Response {
        var headers: HTTPFields = [.cacheControl: cacheControl, .eTag: list.etag]
        // The language came from Accept-Language: a shared cache must key on it too.
        if variesByLanguage { headers[.vary] = "Accept-Language" }
        let condition = EntityTagCondition(fields: request.headers[values: .ifNoneMatch])
        if condition.matches(list.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        if let language { headers[.contentLanguage] = language.rawValue }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: list.body))
    }
}

/// `page` and `per_page` of a list request: pages of `perPage` threads (`ThreadedPages`).
struct ListPaging: Sendable, Equatable {
    static let defaultPerPage = 50
    /// The most threads one page may ask for (a larger `per_page` is a 400, not silently cut).
    static let maximumPerPage = 100

    let page: Int
    let perPage: Int

    /// Nil when either is not a whole number in range.
    init?(page: Substring?, perPage: Substring?) {
        guard let page = page.map({ Int(String($0)) }) ?? 1, let perPage = perPage.map({ Int(String($0)) }) ?? Self.defaultPerPage,
              (1...1_000_000).contains(page), (1...Self.maximumPerPage).contains(perPage)
        else { return nil }
        self.page = page
        self.perPage = perPage
    }
}
