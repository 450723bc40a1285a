import Foundation
import Hummingbird
import Logging
import Synchronization

/// A WordPress REST API on loopback, as far as the publisher uses it (`?rest_route=` routes for
/// comments and post slugs), keeping every request. It checks the Basic credentials, answers
/// 503 while `down`, and can lose the answer to a create (it makes the comment, then answers 500)
/// the way a proxy timing out would. Like WordPress, it refuses a status-only update that changes
/// nothing.
final class FakeWordPress: Sendable {
    struct Comment: Sendable, Equatable {
        var id: Int64
        var post: Int64
        var parent: Int64
        var authorName: String
        var authorURL: String
        var authorEmail: String
        var authorIP: String
        var userAgent: String
        var dateGMT: String
        var content: String
        var status: String
    }

    struct Received: Sendable {
        var method: String
        var target: String
        var authorization: String?
        var body: String
    }

    struct State {
        var comments: [Int64: Comment] = [:]
        var nextID: Int64 = 100
        var received: [Received] = []
        var down = false
        var loseCreateAnswers = 0
        var slugs: [String: Int64] = ["an-article": 7]
    }

    static let user = "hakam-bot"
    static let password = "abcd EFGH ijkl MNOP qrst UVWX"
    private let state = Mutex(State())
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    let port: Int

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var comments: [Comment] { state.withLock { $0.comments.values.sorted { $0.id < $1.id } } }
    var received: [Received] { state.withLock { $0.received } }
    func setDown(_ value: Bool) { state.withLock { $0.down = value } }
    func loseNextCreateAnswer() { state.withLock { $0.loseCreateAnswers += 1 } }
    func deleteBehindHakamsBack(_ id: Int64) { _ = state.withLock { $0.comments.removeValue(forKey: id) } }

    init() async throws {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let holder = Box()
        let router = Router()
        for method in [HTTPRequest.Method.get, .post, .delete] {
            router.on("/", method: method) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                return holder.site!.handle(request, body: String(decoding: body.readableBytesView, as: UTF8.self))
            }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "fake-wordpress", factory: { _ in SwiftLogNoOpLogHandler() }))
        let running = Task { try await app.runService() }
        var iterator = stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
        holder.site = self
        task.withLock { $0 = running }
    }

    func stop() { task.withLock { $0?.cancel() } }

    private func handle(_ request: Request, body: String) -> Response {
        let query = Self.query(request.uri.query ?? "")
        let authorization = request.headers[.authorization]
        let agent = request.headers[.userAgent] ?? ""
        let method = request.method.rawValue
        return state.withLock { state in
            state.received.append(Received(method: method, target: request.uri.description, authorization: authorization, body: body))
            if state.down { return Self.json(503, ["code": "down"]) }
            let expected = "Basic " + Data("\(Self.user):\(Self.password)".utf8).base64EncodedString()
            guard authorization == expected else { return Self.json(401, ["code": "rest_not_logged_in"]) }
            let route = query["rest_route"] ?? ""
            let fields = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
            switch (method, route) {
            case ("POST", "/wp/v2/comments"):
                let id = state.nextID
                state.nextID += 1
                var comment = Comment(id: id, post: 0, parent: 0, authorName: "", authorURL: "", authorEmail: "", authorIP: "", userAgent: "",
                                      dateGMT: "", content: "", status: "hold")
                // As WordPress: the request's own user agent unless the body names one.
                comment.userAgent = agent
                Self.apply(fields, to: &comment)
                state.comments[id] = comment
                if state.loseCreateAnswers > 0 {
                    state.loseCreateAnswers -= 1
                    return Self.json(500, ["code": "gateway_timeout"])
                }
                return Self.json(201, ["id": id, "status": comment.status])
            case ("GET", "/wp/v2/comments"):
                let email = query["author_email"] ?? ""
                let found = state.comments.values.filter { $0.authorEmail == email && (query["status"] == "any" || $0.status == "approved") }
                return Self.json(200, found.sorted { $0.id < $1.id }.map { ["id": $0.id, "author_email": $0.authorEmail] as [String: Any] })
            case ("GET", "/wp/v2/posts"):
                return Self.json(200, state.slugs[query["slug"] ?? ""].map { [["id": $0]] } ?? [])
            case ("GET", "/wp/v2/pages"):
                return Self.json(200, [[String: Any]]())
            default:
                guard route.hasPrefix("/wp/v2/comments/"), let id = Int64(route.dropFirst("/wp/v2/comments/".count)) else {
                    return Self.json(404, ["code": "rest_no_route"])
                }
                guard var comment = state.comments[id] else { return Self.json(404, ["code": "rest_comment_invalid_id"]) }
                if method == "DELETE" {
                    guard query["force"] == "true" else { return Self.json(501, ["code": "rest_trash_not_supported"]) }
                    state.comments[id] = nil
                    return Self.json(200, ["deleted": true])
                }
                // WordPress's quirk: a status-only update that changes nothing fails.
                if fields.count == 1, let status = fields["status"] as? String, status == comment.status {
                    return Self.json(500, ["code": "rest_comment_failed_edit"])
                }
                Self.apply(fields, to: &comment)
                state.comments[id] = comment
                return Self.json(200, ["id": id, "status": comment.status])
            }
        }
    }

    private static func apply(_ fields: [String: Any], to comment: inout Comment) {
        if let value = fields["post"] as? NSNumber { comment.post = value.int64Value }
        if let value = fields["parent"] as? NSNumber { comment.parent = value.int64Value }
        if let value = fields["author_name"] as? String { comment.authorName = value }
        if let value = fields["author_url"] as? String { comment.authorURL = value }
        if let value = fields["author_email"] as? String { comment.authorEmail = value }
        if let value = fields["author_ip"] as? String { comment.authorIP = value }
        if let value = fields["author_user_agent"] as? String { comment.userAgent = value }
        if let value = fields["date_gmt"] as? String { comment.dateGMT = value }
        if let value = fields["content"] as? String { comment.content = value }
        if let value = fields["status"] as? String { comment.status = value }
    }

    private static func json(_ status: Int, _ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func query(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            result[key] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        }
        return result
    }

    private final class Box: @unchecked Sendable { weak var site: FakeWordPress? }
}
