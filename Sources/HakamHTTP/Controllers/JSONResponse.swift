import Foundation
import HakamCore
import Hummingbird

/// JSON responses with one encoder configuration (ISO 8601 dates, no escaped slashes).
enum JSONResponse {
    /// One encoder for every response (it is thread-safe; configuring one per request showed in profiles).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            // `2026-11-30T01:26:13.612Z`: UTC with milliseconds, rounded to the stored ones; the
            // same function as `hakam export`.
            try container.encode(ISO8601Timestamp.format(date))
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
