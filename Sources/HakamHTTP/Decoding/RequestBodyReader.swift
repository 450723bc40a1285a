import Hummingbird
import NIOCore

/// Reads a request body with a hard limit: a declared `Content-Length` over the limit is refused
/// before reading anything; a chunked body is cut off as soon as it passes the limit.
enum RequestBodyReader {
    static let maximumBytes = 256 * 1024

    static func read(_ request: Request) async throws(APIError) -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maximumBytes {
            throw .bodyTooLarge
        }
        do {
            return try await request.body.collect(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw .bodyTooLarge
        } catch {
            throw .malformedBody
        }
    }
}
