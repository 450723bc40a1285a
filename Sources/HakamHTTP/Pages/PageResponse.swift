import HakamCore
import Hummingbird

/// Responses of the reader-facing pages. The security headers of HTML responses are added by
/// `SecurityHeadersMiddleware`, so error pages get them too.
enum PageResponse {
    static func html(_ html: String, language: Language, cacheControl: String = "no-store") -> Response {
        Response(status: .ok,
                 headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue, .cacheControl: cacheControl],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func asset(_ text: String, contentType: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: contentType, .cacheControl: "public, max-age=300", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
