import Foundation
import Hummingbird

/// The framework's ceiling on this machine: the same Hummingbird HTTP/1 server as `hakam serve`,
/// with handlers that only read the body and answer like Hakam does (201 JSON, 303 redirect), and
/// for reads the bytes of Hakam's own list (`--json FILE`, `--html FILE`) or a 304 to any
/// `If-None-Match`. `Benchmarks/http.sh` and `Benchmarks/reads.sh` run wrk against it and against
/// Hakam in the same run.
@main
struct BareServer {
    static func main() async throws {
        // `--port N`, like `hakam serve`.
        let arguments = CommandLine.arguments
        let port = arguments.firstIndex(of: "--port").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 0
        func file(_ flag: String) -> ByteBuffer {
            guard let path = arguments.firstIndex(of: flag).flatMap({ arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }),
                  let data = FileManager.default.contents(atPath: path)
            else { return ByteBuffer(string: "{}") }
            return ByteBuffer(bytes: data)
        }
        let json = file("--json"), html = file("--html")
        let router = Router()
        for (path, body, type) in [("/comments", json, "application/json; charset=utf-8"), ("/comments.html", html, "text/html; charset=utf-8")] {
            router.get(RouterPath(path)) { request, _ -> Response in
                let headers: HTTPFields = [.cacheControl: "public, max-age=5, stale-while-revalidate=30", .eTag: "\"bare\""]
                if request.headers[.ifNoneMatch] != nil { return Response(status: .notModified, headers: headers) }
                var full = headers
                full[.contentType] = type
                return Response(status: .ok, headers: full, body: .init(byteBuffer: body))
            }
        }
        router.post("/comments") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 256 * 1024)
            let reply = #"{"id":1,"post":"p","parent":null,"name":"n","url":null,"body":"b","status":"pending","created_at":"2026-01-01T00:00:00Z","length":\#(body.readableBytes)}"#
            return Response(status: .created, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: reply)))
        }
        router.post("/wp-comments-post.php") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 256 * 1024)
            return Response(status: .seeOther, headers: [.location: "/article#comment-1"])
        }
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "Bare"),
            onServerRunning: { channel in
                print("listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)")
            }
        )
        try await app.runService()
    }
}
