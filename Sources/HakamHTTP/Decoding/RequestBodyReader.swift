import Hummingbird
import NIOCore

/// Reads a request body with a hard size limit and a deadline: a declared `Content-Length` over
/// the limit is refused before reading anything; a chunked body is cut off as soon as it passes
/// the limit; a body still arriving after `timeout` (a slowloris trickling one byte at a time,
/// which the idle timeout never catches because every byte counts as activity) is refused with 408.
///
/// The deadline is checked as each piece of the body arrives, not by a timer: a client that keeps
/// sending is refused at its first piece past the deadline, and one that stops sending is closed
/// by the idle timeout, so a body never takes longer than `timeout` plus the idle timeout. A timer
/// (a task group racing the read against `Task.sleep`) would cost two child tasks and a dispatch
/// timer per request.
///
/// A body refused halfway (too slow, too large) also closes the connection's input. Otherwise
/// the server would read the rest of it before the next request, as keep-alive requires, and a
/// client trickling on would hold the connection for as long as it liked.
struct RequestBodyReader: Sendable {
    static let maximumBytes = 256 * 1024

    var timeout: Duration

    init(timeout: Duration = .seconds(10)) {
        self.timeout = timeout
    }

    func read(_ request: Request, context: HakamRequestContext) async throws(APIError) -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > Self.maximumBytes {
            throw .bodyTooLarge
        }
        let deadline = ContinuousClock.now + timeout
        var collected: ByteBuffer?
        do {
            for try await piece in request.body {
                guard ContinuousClock.now <= deadline else { throw APIError.requestTimeout }
                guard (collected?.readableBytes ?? 0) + piece.readableBytes <= Self.maximumBytes else {
                    throw APIError.bodyTooLarge
                }
                if collected == nil {
                    collected = piece
                } else {
                    var piece = piece
                    collected!.writeBuffer(&piece)
                }
            }
        } catch let error as APIError {
            context.channel.close(mode: .input, promise: nil)
            throw error
        } catch {
            throw .malformedBody
        }
        return collected ?? ByteBuffer()
    }
}
