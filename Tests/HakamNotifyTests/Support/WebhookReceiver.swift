import Foundation
import HakamCore
import Hummingbird
import Logging
import Synchronization

/// A real HTTP receiver on loopback that checks Standard Webhooks signatures the way a
/// receiver should, and keeps every request. `accepting = false` answers 503 (a receiver down).
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var id: String?
        var timestamp: String?
        var signature: String?
        var body: [UInt8]
        var signatureValid: Bool
        var accepted: Bool
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let key: [UInt8]
    private let state = Mutex((received: [Received](), accepting: true))
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    let port: Int

    var received: [Received] { state.withLock { $0.received } }
    var accepted: [Received] { received.filter(\.accepted) }
    func setAccepting(_ value: Bool) { state.withLock { $0.accepting = value } }

    init(key: [UInt8]) async throws {
        self.key = key
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let holder = Box()
        let router = Router()
        router.post("/hook") { request, context -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            return holder.receiver!.receive(request: request, body: Array(body.readableBytesView))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "receiver", factory: { _ in SwiftLogNoOpLogHandler() }))
        let running = Task { try await app.runService() }
        var iterator = stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
        holder.receiver = self
        task.withLock { $0 = running }
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    private func receive(request: Request, body: [UInt8]) -> Response {
        let id = request.headers[.init("webhook-id")!]
        let timestamp = request.headers[.init("webhook-timestamp")!]
        let signature = request.headers[.init("webhook-signature")!]
        var valid = false
        if let id, let timestamp, let signature, let seconds = Int(timestamp) {
            valid = StandardWebhookSignature.verify(header: signature, id: id, timestamp: seconds, body: body, key: key)
                && abs(Double(seconds) - Date().timeIntervalSince1970) < 300
        }
        let accepting = state.withLock { $0.accepting }
        state.withLock {
            $0.received.append(Received(id: id, timestamp: timestamp, signature: signature, body: body, signatureValid: valid,
                                        accepted: accepting && valid))
        }
        guard accepting else { return Response(status: .serviceUnavailable) }
        return Response(status: valid ? .noContent : .unauthorized)
    }

    func stop() { task.withLock { $0?.cancel() } }

    private final class Box: @unchecked Sendable { weak var receiver: WebhookReceiver? }
}
