import Foundation
import HakamCore
import Hummingbird

extension APIError {
    /// `{"error", "message"}` plus `fields` for validation failures.
    func jsonResponse(language: Language) -> Response {
        let messages = Messages(language)
        var object: [String: Any] = ["error": code, "message": message(messages)]
        if case .validation(let failure) = self {
            var fields: [String: Any] = [:]
            for (field, error) in failure.fields {
                fields[field.rawValue] = ["code": error.code, "message": messages.fieldError(error, field: field)]
            }
            object["fields"] = fields
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(status: .init(code: statusCode), headers: headers(contentType: "application/json; charset=utf-8", language: language),
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A small page for the WordPress form flow (no JavaScript): the messages and a back link.
    func htmlResponse(language: Language, backLink: String) -> Response {
        let messages = Messages(language)
        var items: [String] = []
        if case .validation(let failure) = self {
            for field in CommentField.allCases {
                if let error = failure.fields[field] { items.append(messages.fieldError(error, field: field)) }
            }
        } else {
            items.append(message(messages))
        }
        let page = ErrorPage(language: language, title: messages.errorTitle, items: items, backLabel: messages.back, backLink: backLink).render()
        return Response(status: .init(code: statusCode), headers: headers(contentType: "text/html; charset=utf-8", language: language),
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    private func headers(contentType: String, language: Language) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType, .contentLanguage: language.rawValue, .cacheControl: "no-store"]
        if let seconds = retryAfterSeconds { headers[.retryAfter] = String(seconds) }
        if case .methodNotAllowed(let allowed) = self { headers[.allow] = allowed.joined(separator: ", ") }
        return headers
    }
}
