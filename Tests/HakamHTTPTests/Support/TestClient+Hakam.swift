import Foundation
import HakamCore
import Hummingbird
import HummingbirdTesting

/// Small request helpers so each test reads as the behaviour it checks.
extension TestClientProtocol {
    @discardableResult
    func postJSON(_ object: [String: Any], path: String = "/comments", language: String? = nil, extraHeaders: HTTPFields = [:]) async throws -> TestResponse {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try await postRaw(Array(data), contentType: "application/json", path: path, language: language, extraHeaders: extraHeaders)
    }

    @discardableResult
    func postForm(_ fields: [(String, String)], path: String = "/comments", language: String? = nil, extraHeaders: HTTPFields = [:]) async throws -> TestResponse {
        let body = fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return try await postRaw(Array(body.utf8), contentType: "application/x-www-form-urlencoded", path: path, language: language, extraHeaders: extraHeaders)
    }

    @discardableResult
    func postRaw(_ bytes: [UInt8], contentType: String, path: String = "/comments", language: String? = nil, extraHeaders: HTTPFields = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let language { headers[.acceptLanguage] = language }
        headers.append(contentsOf: extraHeaders)
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }
}

enum FormEncoding {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}

extension TestResponse {
    var bodyText: String { String(buffer: body) }

    var json: [String: Any] {
        get throws {
            let data = Data(bodyText.utf8)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw TestFailure("body is not a JSON object: \(bodyText)")
            }
            return object
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A valid comment, with fields overridable per test.
func comment(post: String = "article-1", name: String = "أحمد", email: String = "ahmad@example.com", body: String = "مقال رائع، شكراً", extra: [String: Any] = [:]) -> [String: Any] {
    var object: [String: Any] = ["post": post, "name": name, "email": email, "body": body]
    for (key, value) in extra { object[key] = value }
    return object
}
