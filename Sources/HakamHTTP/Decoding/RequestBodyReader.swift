import Hummingbird
import NIOCore

/// Reads a request body with a hard size limit and a deadline: a declared `Content-Length` over
/// the limit is refused before reading anything; a chunked body is cut off as soon as it passes
/// the limit; a body still arriving after `timeout` (a slowloris trickling one byte at a time,
/// which the idle timeout never catches because every byte counts as activity) is refused with 408.
struct RequestBodyReader: Sendable {
    static let maximumBytes = 256 * 1024

    var timeout: Duration

    init(timeout: Duration = .seconds(10)) {
        self.timeout = timeout
    }

    func read(_ request: Request) async throws(APIError) -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > Self.maximumBytes {
            throw .bodyTooLarge
        }
        let body = request.body
        let timeout = self.timeout
        do {
            return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: Self.maximumBytes) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                // The first to finish wins; cancelling the reader also ends the connection's
                // inbound stream, so the server stops reading from this client.
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let buffer = first else { throw BodyTimeout() }
                return buffer
            }
        } catch is NIOTooManyBytesError {
            throw .bodyTooLarge
        } catch is BodyTimeout {
            throw .requestTimeout
        } catch {
            throw .malformedBody
        }
    }

    private struct BodyTimeout: Error {}
}
