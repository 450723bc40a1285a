import Foundation
import HakamCore
import Hummingbird

/// JSON responses with one encoder configuration (ISO 8601 dates, no escaped slashes).
enum JSONResponse {
    /// One encoder for every response: it is thread-safe, and configuring one per request costs.
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

    /// The bytes alone, for a response built elsewhere (the cached public lists).
    static func encoded(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try encoder.encode(value))
    }

    static func make(status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) throws -> Response {
        response(status: status, body: ByteBuffer(bytes: try encoder.encode(value)), headers: headers)
    }

    /// One comment (the 201 of every JSON submission) through the exports' writer, which a test
    /// holds byte for byte to the encoder above: it is much cheaper than `JSONEncoder` on the hot path.
    static func make(status: HTTPResponse.Status, _ comment: PublicComment, headers: HTTPFields = [:]) throws -> Response {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + comment.body.utf8.count)
        comment.appendJSON(to: &bytes)
        return response(status: status, body: ByteBuffer(bytes: bytes), headers: headers)
    }

    private static func response(status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
