import Foundation
import Hummingbird

/// JSON responses with one encoder configuration (ISO 8601 dates, no escaped slashes).
enum JSONResponse {
    /// `2026-11-30T01:26:13.612Z`: UTC with milliseconds (comments posted in the same second stay ordered).
    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// One encoder for every response (it is thread-safe; configuring one per request showed in profiles).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timestampStyle))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder.encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
